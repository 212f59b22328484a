/** How many times a zero-delay timer ran while `work` was in progress: 0 when it never let the event loop turn. */
export async function timerTurnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const turn = () => {
    if (done) return;
    turns++;
    setTimeout(turn, 0);
  };
  setTimeout(turn, 0);
  await work();
  done = true;
  return turns;
}
