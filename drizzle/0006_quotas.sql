CREATE TABLE "page_charges" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"pages" integer NOT NULL,
	"charged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "page_charges" ADD CONSTRAINT "page_charges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "page_charges_user_charged_idx" ON "page_charges" USING btree ("user_id","charged_at");--> statement-breakpoint
GRANT SELECT, INSERT ON page_charges TO insurance_app;
--> statement-breakpoint
ALTER TABLE page_charges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE page_charges FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY page_charges_owner ON page_charges FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
