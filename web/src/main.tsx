import { render } from "preact";
import "../styles.css";

render(<h1>Insurance Navigator</h1>, document.getElementById("app") as HTMLElement);
