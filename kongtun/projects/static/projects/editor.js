// The proposal editor: add formset rows without a reload, and sum budget lines as they are typed.
(function () {
  "use strict";

  function addRow(button) {
    var prefix = button.getAttribute("data-prefix");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var template = document.querySelector('template.formset-empty[data-prefix="' + prefix + '"]');
    var rows = document.querySelector('.formset-rows[data-prefix="' + prefix + '"]');
    if (!total || !template || !rows) { return; }
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    while (holder.firstChild) { rows.appendChild(holder.firstChild); }
    total.value = String(index + 1);
    var first = rows.lastElementChild && rows.lastElementChild.querySelector("input, select, textarea");
    if (first) { first.focus(); }
  }

  function number(input) {
    if (!input || !input.value) { return 0; }
    var n = parseFloat(input.value.replace(/,/g, "").replace("บาท", ""));
    return isNaN(n) ? 0 : n;
  }

  function sumBudget(form) {
    var total = 0;
    form.querySelectorAll(".formset-row").forEach(function (row) {
      var qty = row.querySelector(".js-qty");
      var cost = row.querySelector(".js-cost");
      if (!cost) { return; }
      var q = qty && qty.value ? number(qty) : 1;
      total += q * number(cost);
    });
    var out = form.querySelector(".js-total");
    if (out) {
      out.textContent = total.toLocaleString("th-TH", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".js-add-row");
    if (button) { event.preventDefault(); addRow(button); }
    var risky = event.target.closest("[data-confirm]");
    if (risky && !window.confirm(risky.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
  document.addEventListener("input", function (event) {
    var form = event.target.closest("form.js-budget");
    if (form) { sumBudget(form); }
  });
  // Autosave: HTMX posts the step on change (hx-trigger); what is still unsaved when the user
  // leaves (a step link, the back button) goes out with sendBeacon, so no input is lost.
  var dirty = new WeakSet();
  document.addEventListener("input", function (event) {
    var form = event.target.closest("form.js-autosave, form.js-warn-unsaved");
    if (form) { dirty.add(form); }
  });
  document.addEventListener("change", function (event) {
    var form = event.target.closest("form.js-autosave, form.js-warn-unsaved");
    if (form) { dirty.add(form); }
  });
  document.addEventListener("submit", function (event) {
    dirty.delete(event.target);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form && form.matches && form.matches("form.js-autosave")) {
      dirty.delete(form);
    }
  });
  window.addEventListener("pagehide", function () {
    document.querySelectorAll("form.js-autosave").forEach(function (form) {
      if (dirty.has(form) && navigator.sendBeacon) {
        navigator.sendBeacon(form.getAttribute("data-autosave-url"), new FormData(form));
        dirty.delete(form);
      }
    });
  });
  window.addEventListener("beforeunload", function (event) {
    var unsaved = Array.prototype.some.call(document.querySelectorAll("form.js-warn-unsaved"), function (form) {
      return dirty.has(form);
    });
    if (unsaved) { event.preventDefault(); event.returnValue = ""; }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.js-budget").forEach(sumBudget);
    var current = document.querySelector(".steps li.current");
    var list = current && current.parentElement;
    if (list) { list.scrollLeft = current.offsetLeft - list.offsetLeft - 16; }
  });
})();
