// Counsellor queue and case pages: live updates by server-sent events, alerts, canned replies.
// Without this script the pages still work: reload to see changes, and a chosen canned reply is sent as is.
(function () {
  "use strict";
  var live = document.getElementById("live");
  var originalTitle = document.title;

  function showAlert() {
    var banner = document.getElementById("case-alert");
    var title = live.dataset.alertTitle;
    if (banner) banner.hidden = false;
    document.title = "(!) " + title + " – " + originalTitle;
    if ("Notification" in window && Notification.permission === "granted") {
      try {
        new Notification(title, { body: live.dataset.alertText, tag: "case-alert" });
      } catch (e) {
        // Some browsers allow notifications only from a service worker; the banner and title remain.
      }
    }
  }

  function restoreTitle() {
    if (!document.hidden) document.title = originalTitle;
  }

  var loading = false;
  var again = false;

  function swap(html) {
    if (live.dataset.target === "queue") {
      document.getElementById("queue").innerHTML = html;
      return;
    }
    var fresh = new DOMParser().parseFromString(html, "text/html");
    ["case-head", "case-timeline"].forEach(function (id) {
      var now = document.getElementById(id);
      var next = fresh.getElementById(id);
      if (now && next) now.innerHTML = next.innerHTML;
    });
  }

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetch(live.dataset.refresh, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        // A redirect means the session ended: leave the page as it is rather than show the login form in it.
        if (!response.ok || response.redirected) return null;
        return response.text();
      })
      .then(function (html) {
        if (html !== null) swap(html);
      })
      .catch(function () {})
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  function listen() {
    if (!("EventSource" in window)) return;
    var source = new EventSource(live.dataset.events);
    source.addEventListener("ready", function () {
      document.documentElement.dataset.live = "ready";
    });
    source.addEventListener("case", function (message) {
      var event = JSON.parse(message.data);
      if (event.alert) showAlert();
      if (live.dataset.target === "queue" || String(event.case_id) === live.dataset.case) refresh();
    });
    source.addEventListener("error", function () {
      document.documentElement.dataset.live = "reconnecting";
    });
  }

  function desktopAlerts() {
    var button = document.getElementById("enable-alerts");
    if (!button || !("Notification" in window) || Notification.permission !== "default") return;
    button.hidden = false;
    button.addEventListener("click", function () {
      Notification.requestPermission().then(function (permission) {
        if (permission !== "default") button.hidden = true;
      });
    });
  }

  function cannedReplies() {
    var select = document.getElementById("canned");
    var box = document.getElementById("reply-text");
    if (!select || !box) return;
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      if (!option || !option.dataset.text) return;
      box.value = option.dataset.text;
      select.value = "";
      box.focus();
    });
  }

  if (live) {
    document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
    document.addEventListener("visibilitychange", restoreTitle);
    window.addEventListener("focus", restoreTitle);
    desktopAlerts();
    listen();
  }
  cannedReplies();
})();
