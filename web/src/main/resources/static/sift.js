// Sift's small progressive enhancement: every page works without it. It turns the read, star and played forms
// into in-place requests, adds the keyboard shortcuts, marks posts read as they scroll past, and lets the
// episode player resume where the reader stopped (the position is kept on the server).
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]');
  const token = csrf ? csrf.content : null;

  /** POSTs form fields with the session's request token; resolves to the JSON answer. */
  function send(url, fields) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Accept": "application/json", "X-CSRF-Token": token },
      body: new URLSearchParams(fields),
    }).then((response) => {
      if (!response.ok) {
        throw new Error(url + " answered " + response.status);
      }
      return response.json();
    });
  }

  /** Shows a post's new state on its buttons and its entry in the river. */
  function show(form, state) {
    const star = form.querySelector("button.star");
    const read = form.querySelector("button.read");
    if (star) {
      star.value = String(!state.starred);
      star.setAttribute("aria-pressed", String(state.starred));
      star.textContent = state.starred ? "★ Starred" : "☆ Star";
    }
    if (read) {
      read.value = String(!state.read);
      read.setAttribute("aria-pressed", String(state.read));
      read.textContent = state.read ? "Mark unread" : "Mark read";
    }
    const entry = form.closest("article.entry");
    if (entry) {
      entry.classList.toggle("read", state.read);
    }
  }

  // the read and star buttons change the state in place; without this script they post the form
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!token || !form.matches("form.state") || !event.submitter || form.dataset.plain) {
      return;
    }
    event.preventDefault();
    const button = event.submitter;
    send(form.action, { [button.name]: button.value })
      .then((state) => show(form, state))
      .catch(() => {
        // the server will say what went wrong on a page of its own: post the form as it is
        form.dataset.plain = "yes";
        form.requestSubmit(button);
      });
  });

  // the river's filter bar applies a choice at once, and leaves the filters set to "any" out of the address
  document.addEventListener("change", (event) => {
    const form = event.target.closest && event.target.closest("form.filters");
    if (form) {
      form.requestSubmit();
    }
  });
  document.addEventListener("submit", (event) => {
    if (event.target.matches("form.filters")) {
      event.target.querySelectorAll("select").forEach((select) => {
        select.disabled = select.value === "";
      });
    }
  });
  // with this script a choice needs no button
  document.querySelectorAll("form.filters button").forEach((button) => {
    button.hidden = true;
  });
  // a filter bar restored from the back-forward cache must not keep the fields it disabled
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form.filters select").forEach((select) => {
      select.disabled = false;
    });
  });

  function press(selector) {
    const scope = current() || document.querySelector("article.post");
    const button = scope && scope.querySelector(selector);
    if (button) {
      button.click();
    }
  }

  // keyboard shortcuts, as in the readers engineers already use
  function entries() {
    return Array.from(document.querySelectorAll("article.entry"));
  }

  function current() {
    return document.querySelector("article.entry.current");
  }

  function move(step) {
    const all = entries();
    if (all.length === 0) {
      return;
    }
    const at = all.indexOf(current());
    const next = all[Math.min(all.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
    all.forEach((e) => e.classList.remove("current"));
    next.classList.add("current");
    next.scrollIntoView({ block: "nearest" });
    const link = next.querySelector("h2 a");
    if (link) {
      link.focus({ preventScroll: true });
    }
  }

  const help = document.getElementById("keys");
  const helpButton = document.querySelector("[data-opens=keys]");
  if (help && helpButton) {
    helpButton.hidden = false;
    helpButton.addEventListener("click", () => help.showModal());
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable], dialog[open]")) {
      return;
    }
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "o":
      case "Enter": {
        const entry = current();
        if (!entry) {
          return;
        }
        window.location.href = entry.querySelector("h2 a").href;
        break;
      }
      case "m": press("button.read"); break;
      case "s": press("button.star"); break;
      case "/": {
        const search = document.getElementById("top-q");
        if (search) {
          search.focus();
        }
        break;
      }
      case "?":
        if (help) {
          help.showModal();
        }
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // the river marks posts read once they have scrolled up past the top, when the reader wants that
  const scrollRead = document.getElementById("scroll-read");
  if (token && scrollRead) {
    scrollRead.closest("label").hidden = false;
    scrollRead.checked = localStorage.getItem("sift.scrollRead") !== "off";
    scrollRead.addEventListener("change", () =>
      localStorage.setItem("sift.scrollRead", scrollRead.checked ? "on" : "off"));
    const pending = new Set();
    let timer = null;
    const flush = () => {
      timer = null;
      const ids = Array.from(pending);
      pending.clear();
      if (ids.length > 0) {
        send("/api/read", { ids: ids.join(",") }).catch(() => ids.forEach((id) => pending.add(id)));
      }
    };
    // checked on scroll (once a frame) rather than by an IntersectionObserver, which misses posts that a long
    // jump (End, Page Down) carries from below the window to above it without ever showing them
    let queued = false;
    const check = () => {
      queued = false;
      if (!scrollRead.checked) {
        return;
      }
      for (const entry of entries()) {
        if (entry.classList.contains("read") || entry.getBoundingClientRect().bottom > 0) {
          continue;
        }
        entry.classList.add("read");
        const form = entry.querySelector("form.state");
        if (form) {
          show(form, { read: true, starred: form.querySelector("button.star").getAttribute("aria-pressed") === "true" });
        }
        pending.add(entry.dataset.id);
        timer = timer || setTimeout(flush, 1500);
      }
    };
    window.addEventListener("scroll", () => {
      if (!queued) {
        queued = true;
        requestAnimationFrame(check);
      }
    }, { passive: true });
    window.addEventListener("pagehide", flush);
  }

  // the episode player starts where the reader stopped, and keeps the place on the server
  // a chapter's time plays the episode from there
  document.addEventListener("click", (event) => {
    const seek = event.target.closest && event.target.closest("button.seek");
    const player = seek && document.querySelector("audio.player, video.player");
    if (player) {
      player.currentTime = Number(seek.dataset.seek);
      player.play().catch(() => {});
    }
  });

  document.querySelectorAll("audio[data-post], video[data-post]").forEach((player) => {
    const url = "/posts/" + player.dataset.post + "/state";
    const start = Number(player.dataset.position || 0);
    let saved = start;
    const resume = () => {
      if (start > 0 && (!player.duration || start < player.duration - 2)) {
        player.currentTime = start;
      }
    };
    // the metadata may be in before this deferred script runs (a cached episode)
    if (player.readyState >= HTMLMediaElement.HAVE_METADATA) {
      resume();
    } else {
      player.addEventListener("loadedmetadata", resume, { once: true });
    }
    if (start > 0 && player.preload === "none") {
      player.preload = "metadata";
    }
    if (!token) {
      return;
    }
    const save = () => {
      const at = Math.floor(player.currentTime);
      if (at !== saved) {
        saved = at;
        send(url, { position: String(at) }).catch(() => { saved = -1; });
      }
    };
    player.addEventListener("pause", save);
    player.addEventListener("seeked", save);
    player.addEventListener("timeupdate", () => {
      if (Math.abs(player.currentTime - saved) >= 15) {
        save();
      }
    });
    player.addEventListener("ended", () => send(url, { played: "true" }).catch(() => {}));
    window.addEventListener("pagehide", () => {
      if (!player.paused) {
        const data = new FormData();
        data.append("_csrf", token);
        data.append("position", String(Math.floor(player.currentTime)));
        navigator.sendBeacon(url, data);
      }
    });
  });
})();
