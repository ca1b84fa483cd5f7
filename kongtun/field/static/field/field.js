/* Field entry on a phone, with or without signal.

   A form marked data-offline-form is not posted: what was typed (and the photos chosen) is kept in
   IndexedDB under an id made here, and sent to the sync API when there is signal: at once, on page
   load, when the signal comes back, and every minute. The server answers per record: accepted
   (its photos are then sent one by one, each under its own id, until each is stored), refused
   (the record stays here with the reason, to be corrected), or conflict (held for the fund
   officer). The box #field-queue shows what waits. */
(function () {
  "use strict";
  const box = document.getElementById("field-queue");
  if (!box || !window.idb) return;
  const PAGES = "kongtun-field-pages";
  const STATIC = "kongtun-field-static";
  const DAY = 24 * 60 * 60 * 1000;
  const list = box.querySelector("[data-field-list]");
  const net = box.querySelector("[data-field-net]");
  const t = (key) => box.dataset["t" + key.charAt(0).toUpperCase() + key.slice(1)] || key;
  const dbp = idb.openDB("kongtun-field", 1, {
    upgrade(db) {
      db.createObjectStore("records", { keyPath: "id" });
      db.createObjectStore("photos", { keyPath: "id" }).createIndex("record", "record");
    },
  });

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Keeping a record ------------------------------------------------------------------------------

  async function keep(form, event) {
    event.preventDefault();
    const fields = {};
    const files = [];
    for (const [name, value] of new FormData(form).entries()) {
      if (value instanceof File) {
        if (value.size) files.push(value);
      } else if (name !== "csrfmiddlewaretoken" && name !== "record_id") {
        fields[name] = value;
      }
    }
    const d = form.dataset;
    const record = {
      id: uuid(),
      kind: d.kind,
      fund: d.fund || "",
      year: d.year ? Number(d.year) : null,
      issue: d.issue || "",
      project: d.project ? Number(d.project) : null,
      fields: fields,
      title: d.title,
      page: location.pathname,
      status: "waiting",
      reason: "",
      errors: [],
      created: Date.now(),
    };
    const db = await dbp;
    const tx = db.transaction(["records", "photos"], "readwrite");
    tx.objectStore("records").put(record);
    for (const file of files) {
      tx.objectStore("photos").put({ id: uuid(), record: record.id, blob: file, name: file.name, ready: false, status: "waiting", reason: "" });
    }
    if (d.fixing) {
      // The corrected record replaces the refused one, and takes over its photos.
      tx.objectStore("records").delete(d.fixing);
      for (const photo of await tx.objectStore("photos").index("record").getAll(d.fixing)) {
        photo.record = record.id;
        tx.objectStore("photos").put(photo);
      }
      delete d.fixing;
    }
    await tx.done;
    form.reset();
    const note = form.querySelector(".field-kept") || form.insertBefore(el("p", "field-kept pill"), form.firstChild);
    note.textContent = t("kept");
    note.scrollIntoView({ block: "center" });
    await render();
    sync();
  }

  async function fill(form, id) {
    const record = await (await dbp).get("records", id);
    if (!record) return;
    for (const [name, value] of Object.entries(record.fields)) {
      const field = form.elements.namedItem(name);
      if (field) field.value = value;
    }
    form.dataset.fixing = id;
  }

  // Sending ---------------------------------------------------------------------------------------

  async function csrf() {
    const response = await fetch(box.dataset.session, { credentials: "same-origin", cache: "no-store" });
    if (response.status === 401) {
      net.textContent = t("login");
      return null;
    }
    return response.ok ? (await response.json()).csrf : null;
  }

  async function answer(db, result) {
    const record = await db.get("records", result.id);
    if (!record) return;
    if (result.status === "accepted") {
      for (const photo of await db.getAllFromIndex("photos", "record", record.id)) {
        photo.ready = true;
        await db.put("photos", photo);
      }
      Object.assign(record, { status: "sent", reason: "", errors: [], sent: Date.now() });
    } else {
      Object.assign(record, { status: result.status, reason: result.reason, errors: result.errors || [] });
    }
    await db.put("records", record);
  }

  async function sendPhotos(db, token) {
    for (const photo of await db.getAll("photos")) {
      if (!photo.ready || photo.status !== "waiting") continue;
      const body = new FormData();
      body.append("id", photo.id);
      body.append("record", photo.record);
      body.append("image", photo.blob, photo.name || "photo.jpg");
      const response = await fetch(box.dataset.photos, {
        method: "POST", headers: { "X-CSRFToken": token }, body: body, credentials: "same-origin",
      });
      if (response.ok) {
        await db.delete("photos", photo.id);
      } else if (response.status === 422) {
        const problem = await response.json();
        photo.status = "refused";
        photo.reason = (problem.errors || []).map((error) => error.message).join(" ") || problem.detail;
        await db.put("photos", photo);
      } // anything else (409: its report is not saved yet; a server error) is sent again later
    }
  }

  let running = false;
  let retry = 2000; // after a failed try: again in 2 s, 4 s, … up to a minute
  async function sync() {
    if (running || !navigator.onLine) return render();
    running = true;
    try {
      const db = await dbp;
      const waiting = (await db.getAll("records")).filter((r) => r.status === "waiting");
      const photos = (await db.getAll("photos")).filter((p) => p.ready && p.status === "waiting");
      if (!waiting.length && !photos.length) return;
      const token = await csrf();
      if (!token) return;
      for (let i = 0; i < waiting.length; i += 20) {
        const records = waiting.slice(i, i + 20).map((r) => ({
          id: r.id, kind: r.kind, fund: r.fund, year: r.year, issue: r.issue, project: r.project, fields: r.fields,
        }));
        const response = await fetch(box.dataset.sync, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRFToken": token },
          body: JSON.stringify({ records: records }),
          credentials: "same-origin",
        });
        if (!response.ok) return;
        for (const result of (await response.json()).results) await answer(db, result);
      }
      await sendPhotos(db, token);
      retry = 2000;
    } catch (error) {
      // No signal yet, or it went mid-way: everything not answered stays and is sent again soon.
      console.warn("field sync stopped:", error);
      setTimeout(sync, retry);
      retry = Math.min(retry * 2, 60 * 1000);
    } finally {
      running = false;
      await render();
    }
  }

  // The queue -------------------------------------------------------------------------------------

  function item(record, photos) {
    const li = el("li");
    li.dataset.status = record.status;
    li.append(el("strong", "", record.title), " ", el("span", "pill " + record.status, t(record.status)));
    if (record.reason) li.append(el("span", "reason", record.reason));
    for (const error of record.errors || []) li.append(el("span", "reason", error));
    const waiting = photos.filter((p) => p.status === "waiting").length;
    if (waiting) li.append(el("span", "muted", " · " + waiting + " " + t("photos")));
    for (const photo of photos) if (photo.reason) li.append(el("span", "reason", photo.name + ": " + photo.reason));
    if (record.status === "refused") {
      const fix = el("a", "button secondary", t("fix"));
      fix.href = record.page + "?fix=" + encodeURIComponent(record.id);
      li.append(" ", fix);
    }
    if (record.status === "refused" || record.status === "conflict") {
      const remove = el("button", "button secondary", t("remove"));
      remove.type = "button";
      remove.addEventListener("click", async () => {
        if (record.status === "refused" && !window.confirm(t("confirm"))) return;
        const db = await dbp;
        await db.delete("records", record.id);
        for (const photo of photos) await db.delete("photos", photo.id);
        render();
      });
      li.append(" ", remove);
    }
    return li;
  }

  async function render() {
    const db = await dbp;
    const photos = await db.getAll("photos");
    const records = [];
    for (const record of await db.getAll("records")) {
      const own = photos.filter((p) => p.record === record.id);
      if (record.status === "sent" && Date.now() - record.sent > DAY && !own.length) await db.delete("records", record.id);
      else records.push([record, own]);
    }
    records.sort((a, b) => a[0].created - b[0].created);
    list.replaceChildren(...records.map(([record, own]) => item(record, own)));
    if (!records.length) list.append(el("li", "muted", t("empty")));
    box.classList.toggle("offline", !navigator.onLine);
    if (!navigator.onLine || net.textContent !== t("login")) net.textContent = navigator.onLine ? t("online") : t("offline");
  }

  // Pages and files kept for use without signal ---------------------------------------------------

  async function warm() {
    if (!navigator.onLine || !window.caches) return;
    const pages = [location.pathname, ...Array.from(document.querySelectorAll("[data-offline-page]"), (a) => a.pathname)];
    const files = Array.from(document.querySelectorAll("link[rel=stylesheet], link[rel=manifest], link[rel=apple-touch-icon], script[src]"), (n) => n.href || n.src);
    try {
      await (await caches.open(STATIC)).addAll(files);
      const cache = await caches.open(PAGES);
      await Promise.all(pages.map((url) => cache.add(url)));
    } catch (error) {
      // Kept next time there is signal.
    }
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(box.dataset.sw, { scope: box.dataset.scope }).catch(() => {});
  }
  let installEvent = null;
  const install = box.querySelector("[data-field-install]");
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    installEvent = event;
    install.hidden = false;
  });
  install.addEventListener("click", () => {
    if (installEvent) installEvent.prompt();
    install.hidden = true;
  });

  for (const form of document.querySelectorAll("form[data-offline-form]")) {
    form.addEventListener("submit", (event) => keep(form, event));
    const fix = new URLSearchParams(location.search).get("fix");
    if (fix) fill(form, fix);
  }
  box.querySelector("[data-field-send]").addEventListener("click", sync);
  window.addEventListener("online", sync);
  window.addEventListener("offline", render);
  setInterval(sync, 60 * 1000);
  render().then(sync).then(warm);
})();
