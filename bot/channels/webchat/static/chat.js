// Web chat client: one WebSocket, replies as they come, unsent messages kept until acknowledged.
(function () {
  "use strict";

  const STORAGE_ID = "webchat.clientId";
  const STORAGE_OUTBOX = "webchat.outbox";
  const STORAGE_LOCALE = "webchat.locale";

  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("input");
  const statusLine = document.getElementById("status");
  const languageSelect = document.getElementById("language");
  let chrome = JSON.parse(document.getElementById("chrome-data").textContent);
  let socket = null;
  let retryDelay = 500;
  let ready = false;

  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function clientId() {
    let id = localStorage.getItem(STORAGE_ID);
    if (!id) {
      id = randomId();
      localStorage.setItem(STORAGE_ID, id);
    }
    return id;
  }

  function outbox() {
    try { return JSON.parse(localStorage.getItem(STORAGE_OUTBOX) || "[]"); } catch (e) { return []; }
  }

  function saveOutbox(items) {
    localStorage.setItem(STORAGE_OUTBOX, JSON.stringify(items));
  }

  function applyChrome(locale, strings) {
    chrome = strings;
    document.documentElement.lang = locale;
    document.title = strings.title;
    document.getElementById("chat-title").textContent = strings.title;
    document.getElementById("language-label").textContent = strings["language-label"];
    document.getElementById("input-label").textContent = strings["input-label"];
    document.getElementById("send").textContent = strings.send;
    document.getElementById("privacy-note").textContent = strings["privacy-note"];
    input.placeholder = strings["input-placeholder"];
    languageSelect.value = locale;
    localStorage.setItem(STORAGE_LOCALE, locale);
  }

  function removeOldChoices() {
    log.querySelectorAll(".choices").forEach((node) => node.remove());
  }

  function fileLink(file) {
    // Only files the server put inside the link (data: URLs); never a link the page would navigate to.
    if (!file || typeof file.url !== "string" || !file.url.startsWith("data:")) return null;
    const link = document.createElement("a");
    link.className = "msg__file";
    link.href = file.url;
    link.download = file.filename || "file";
    link.type = file.media_type || "";
    link.textContent = `${chrome.download} ${file.filename || ""}`.trim();
    return link;
  }

  function addMessage(direction, text, choices, files) {
    const item = document.createElement("li");
    item.className = `msg msg--${direction}`;
    const who = document.createElement("span");
    who.className = "msg__who";
    who.textContent = `${direction === "in" ? chrome.you : chrome.assistant}: `;
    item.append(who, document.createTextNode(text));
    for (const file of files || []) {
      const link = fileLink(file);
      if (link) item.append(document.createElement("br"), link);
    }
    log.append(item);
    if (choices && choices.length) {
      removeOldChoices();
      const list = document.createElement("ul");
      list.className = "choices";
      for (const choice of choices) {
        const entry = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = choice.label;
        button.dataset.payload = choice.payload;
        button.addEventListener("click", () => press(choice));
        entry.append(button);
        list.append(entry);
      }
      log.append(list);
    }
    log.scrollTop = log.scrollHeight;
  }

  function transmit(event) {
    if (socket && ready && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
  }

  function queue(event) {
    const items = outbox();
    items.push(event);
    saveOutbox(items);
    transmit(event);
  }

  function press(choice) {
    removeOldChoices();
    addMessage("in", choice.label);
    queue({ type: "choice", id: randomId(), payload: choice.payload, label: choice.label });
    input.focus();
  }

  function setStatus(text) {
    statusLine.textContent = text || "";
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${location.host}/ws/chat`);
    ready = false;
    setStatus(chrome.connecting);
    socket.addEventListener("open", () => {
      const locale = localStorage.getItem(STORAGE_LOCALE) || document.documentElement.lang;
      const hello = { type: "hello", client_id: clientId(), locale: locale };
      // A deep link (/?start=course_a1) is followed once, not again on every reconnect or reload.
      const params = new URLSearchParams(location.search);
      if (params.get("start")) {
        hello.start = params.get("start");
        params.delete("start");
        const query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? `?${query}` : "") + location.hash);
      }
      socket.send(JSON.stringify(hello));
    });
    socket.addEventListener("message", (message) => {
      let event;
      try { event = JSON.parse(message.data); } catch (e) { return; }
      if (event.type === "history") {
        ready = true;
        retryDelay = 500;
        setStatus("");
        applyChrome(event.locale, event.chrome);
        log.replaceChildren();
        const messages = event.messages;
        messages.forEach((m, i) => addMessage(m.from, m.text, i === messages.length - 1 ? m.choices : []));
        for (const pending of outbox()) {
          addMessage("in", pending.type === "text" ? pending.text : pending.label || "");
          transmit(pending);
        }
      } else if (event.type === "reply") {
        addMessage("out", event.text, event.choices, event.attachments);
      } else if (event.type === "chrome") {
        applyChrome(event.locale, event.chrome);
      } else if (event.type === "ack") {
        saveOutbox(outbox().filter((item) => item.id !== event.id));
      }
    });
    socket.addEventListener("close", () => {
      ready = false;
      setStatus(chrome.offline);
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
    });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    addMessage("in", text);
    queue({ type: "text", id: randomId(), text: text });
    input.focus();
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  languageSelect.addEventListener("change", () => {
    localStorage.setItem(STORAGE_LOCALE, languageSelect.value);
    queue({ type: "language", id: randomId(), locale: languageSelect.value });
  });

  connect();
})();
