/*
 * Rapport: small unobtrusive behaviours. Load with <script src="/static/app.js" defer>.
 * No framework, no eval, no inline handlers (CSP script-src 'self').
 * Every listener is delegated on document, so it also works for content
 * that htmx swaps in later. Pages work without this file.
 *
 *   form[data-confirm="Message"]        confirm() before submit (also on a submit button)
 *   form[data-unsaved-warning]          warn on leaving the page with unsaved edits
 *   button[data-copy="#selector"]       copy that element's text; label shows "Copied"
 *   [data-autofocus-error]              focus the error summary on load / after an htmx swap
 *   HX-Trigger: rapport-saved           an autosave succeeded: the form is no longer "unsaved"
 *   form[data-keep-local="key"]         keep what is typed in localStorage under key until it is
 *     [data-keep-local-done="/path/"]   saved (the POST lands on a page under that path); restore it
 *                                       on load ([data-keep-local-banner] says so);
 *                                       send with fetch and say "Not sent" ([data-keep-local-status])
 *                                       when the connection fails
 *   [data-clear-local="key"]            the work kept under key was saved: forget it
 */
(function () {
  "use strict";

  // Words the script shows, in the page's language: the layout puts them on
  // <body data-t-KEY="..."> (English here for pages that do not).
  function say(key, english) {
    return (document.body && document.body.getAttribute("data-t-" + key)) || english;
  }

  // ---- Live region for short announcements (e.g. "Copied to clipboard") ----
  var live;
  function announce(text) {
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    // A fresh text node after a tick makes screen readers re-announce repeats.
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  // ---- (a) confirm before submit, (b) unsaved-changes tracking ----
  var dirty = new WeakSet();

  // Capture phase on document runs before htmx's own submit listener on the form,
  // so cancelling here stops both normal and htmx submissions.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) ||
      form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    dirty.delete(form); // leaving via submit is intended
  }, true);

  function markDirty(event) {
    var el = event.target;
    var form = el && el.form ? el.form : (el.closest ? el.closest("form") : null);
    if (form && form.hasAttribute("data-unsaved-warning")) {
      dirty.add(form);
      form._rapportEditedAt = Date.now();
    }
  }

  // Autosave (htmx posts the form after a pause in typing). The server answers
  // a saved draft with `HX-Trigger: rapport-saved`; the form is clean again
  // unless something was typed after the request left.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail && event.detail.elt;
    if (form instanceof HTMLFormElement) form._rapportSentAt = Date.now();
  });
  document.addEventListener("rapport-saved", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (!(form._rapportEditedAt > form._rapportSentAt)) dirty.delete(form);
  });
  document.addEventListener("input", markDirty);
  document.addEventListener("change", markDirty);
  document.addEventListener("reset", function (event) { dirty.delete(event.target); });

  window.addEventListener("beforeunload", function (event) {
    var forms = document.querySelectorAll("form[data-unsaved-warning]");
    for (var i = 0; i < forms.length; i++) {
      if (dirty.has(forms[i])) {
        event.preventDefault();
        event.returnValue = ""; // browsers show their own generic text
        return "";
      }
    }
  });

  // ---- (c) copy to clipboard ----
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  // Fallback for plain-http deployments or a refused permission: textarea + execCommand.
  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var ta = document.createElement("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.className = "visually-hidden";
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function selectContents(el) {
    if (/^(INPUT|TEXTAREA)$/.test(el.tagName)) { el.select(); return; }
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) return;
    event.preventDefault();
    var isField = /^(INPUT|TEXTAREA|SELECT)$/.test(source.tagName);
    var text = (isField ? source.value : source.textContent).trim();
    if (!button.hasAttribute("data-copy-label")) {
      button.setAttribute("data-copy-label", button.textContent);
    }
    var original = button.getAttribute("data-copy-label");
    copyText(text).then(function () {
      button.textContent = say("copied", "Copied");
      announce(say("copied-announce", "Copied to clipboard"));
    }, function () {
      selectContents(source);
      button.textContent = say("copy-manual", "Press Ctrl+C to copy");
      announce(say("copy-manual-announce", "Could not copy automatically. The text is selected: press Control C to copy."));
    }).then(function () {
      window.clearTimeout(button._rapportTimer);
      button._rapportTimer = window.setTimeout(function () { button.textContent = original; }, 2500);
    });
  });

  // Copy buttons are useless without JS: templates render them with `hidden`
  // and we reveal them here.
  function revealCopyButtons(root) {
    var buttons = root.querySelectorAll("[data-copy][hidden]");
    for (var i = 0; i < buttons.length; i++) buttons[i].removeAttribute("hidden");
  }

  // ---- (d) focus the error summary ----
  function focusErrorSummary(root) {
    var summary = root.matches && root.matches("[data-autofocus-error]") ? root
      : root.querySelector("[data-autofocus-error]");
    if (!summary) return;
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  // Error summary links: focus the field and scroll its label/legend into view
  // (a plain #fragment jump would hide the label above the viewport edge).
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".error-summary a[href^='#']") : null;
    if (!link) return;
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    var fieldset = field.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    var label = (field.labels && field.labels[0]) || legend;
    (label || field).scrollIntoView({ block: "start" });
    // A group (fieldset) is not focusable: focus its first control instead.
    var target = field.tagName === "FIELDSET" ? field.querySelector("input, select, textarea") : field;
    (target || field).focus({ preventScroll: true });
  });

  function enhance(root) {
    revealCopyButtons(root);
    focusErrorSummary(root);
  }

  // The script is deferred, so the document is parsed when this runs.
  enhance(document);

  // ---- (e) work kept on the device until it is saved (the group meeting screen) ----
  // A lay facilitator may type a whole meeting on a phone with a weak signal:
  // every change is written to localStorage, restored on the next load, and
  // the Save goes through fetch so a dropped connection leaves the page (and
  // what was typed) in place with a "Not sent" message.
  function storageOk() {
    try { return !!window.localStorage; } catch (e) { return false; }
  }

  function formState(form) {
    var data = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.name === "csrf" || el.type === "submit" || el.type === "button") continue;
      if ((el.type === "radio" || el.type === "checkbox")) {
        if (!data[el.name]) data[el.name] = [];
        if (el.checked) data[el.name].push(el.value);
      } else {
        data[el.name] = [el.value];
      }
    }
    return data;
  }

  function applyState(form, data) {
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || !Object.prototype.hasOwnProperty.call(data, el.name)) continue;
      var values = data[el.name];
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (el.type !== "submit" && el.type !== "button" && el.name !== "csrf") {
        el.value = values[0] || "";
      }
    }
  }

  function keepLocal(form) {
    var key = form.getAttribute("data-keep-local");
    if (!key || !storageOk()) return;
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && saved.data) {
      applyState(form, saved.data);
      var banner = document.querySelector("[data-keep-local-banner]");
      if (banner) banner.removeAttribute("hidden");
    }
    function store() {
      try {
        window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), data: formState(form) }));
      } catch (e) { /* storage full or refused: the form still works */ }
    }
    form.addEventListener("input", store);
    form.addEventListener("change", store);
    var discard = document.querySelector("[data-keep-local-discard]");
    if (discard) {
      discard.addEventListener("click", function () {
        if (discard.hasAttribute("data-confirm") && !window.confirm(discard.getAttribute("data-confirm"))) return;
        window.localStorage.removeItem(key);
        dirty.delete(form);
        window.location.reload();
      });
    }
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented || !window.fetch || form._rapportNative) return;
      event.preventDefault();
      store();
      var status = form.querySelector("[data-keep-local-status]");
      var button = event.submitter || form.querySelector("[type=submit]");
      if (status) { status.setAttribute("hidden", ""); status.textContent = ""; }
      if (button) button.disabled = true;
      var body = new URLSearchParams(new FormData(form));
      window.fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" }
      }).then(function (response) {
        // Saved: redirected to the page the form names as its result (a
        // sign-in page after an expired session is not a save).
        var donePrefix = form.getAttribute("data-keep-local-done") || "";
        var landed = new URL(response.url, window.location.href).pathname;
        if (response.ok && response.redirected && donePrefix && landed.indexOf(donePrefix) === 0) {
          window.localStorage.removeItem(key);
          dirty.delete(form);
          window.location.assign(response.url);
          return;
        }
        // Refused (errors to show) or a server problem: nothing was stored,
        // so send it the ordinary way and let the page answer. The typed
        // work stays on the device until a save succeeds.
        if (button) button.disabled = false;
        form._rapportNative = true;
        dirty.delete(form);
        HTMLFormElement.prototype.submit.call(form);
      }, function () {
        if (button) button.disabled = false;
        if (status) {
          status.textContent = say("not-sent", "Not sent - check the connection. What you typed is kept on this device; press Save again when you are back online.");
          status.removeAttribute("hidden");
          status.scrollIntoView({ block: "center" });
        }
        announce(say("not-sent-announce", "Not sent. Check the connection."));
      });
    });
  }

  function clearKept(root) {
    if (!storageOk()) return;
    var done = root.querySelectorAll("[data-clear-local]");
    for (var i = 0; i < done.length; i++) window.localStorage.removeItem(done[i].getAttribute("data-clear-local"));
  }

  var kept = document.querySelectorAll("form[data-keep-local]");
  for (var k = 0; k < kept.length; k++) keepLocal(kept[k]);
  clearKept(document);

  // Content swapped in by htmx (e.g. a form re-rendered with errors).
  document.addEventListener("htmx:afterSettle", function (event) {
    var elt = event.detail && event.detail.elt;
    if (elt && elt.querySelectorAll) enhance(elt);
  });
})();
