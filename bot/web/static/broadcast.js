// Live progress of a broadcast: polls the JSON endpoint every 2 s, reloads once when it ends.
(function () {
  "use strict";
  const box = document.getElementById("progress");
  if (!box) return;
  const running = ["sending", "paused", "scheduled"];
  const set = (id, value) => {
    const node = document.getElementById(id);
    if (node) node.textContent = value;
  };
  async function poll() {
    let data;
    try {
      const response = await fetch(box.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return schedule();
      data = await response.json();
    } catch (e) {
      return schedule();
    }
    for (const key of ["total", "sent", "failed", "blocked", "skipped", "left"]) set("p-" + key, String(data[key]));
    set("p-rate", data.rate_per_s.toFixed(1));
    set("p-eta", data.eta_seconds === null ? "–" : data.eta_seconds + " s");
    const bar = document.getElementById("p-bar");
    if (bar) bar.value = data.percent;
    if (data.status !== box.dataset.status) {
      // Paused, resumed, finished: the buttons and the report change, so show the page anew.
      window.location.reload();
      return;
    }
    if (running.includes(data.status)) schedule();
  }
  function schedule() { window.setTimeout(poll, 2000); }
  if (running.includes(box.dataset.status)) schedule();
})();
