// contentdoc catalogue: colour theme toggle and search as you type.
// Loaded in <head> without defer, so the stored theme applies before the
// page is drawn. Works from file://, where fetch() of local files is blocked,
// because the search index is a script that sets window.CONTENTDOC_SEARCH.
(function () {
  "use strict";
  var THEME_KEY = "contentdoc-theme";
  var MAX_RESULTS = 20;
  var root = document.documentElement;

  function storedTheme() {
    try {
      return window.localStorage.getItem(THEME_KEY);
    } catch (error) {
      return null;
    }
  }

  function storeTheme(theme) {
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch (error) {
      // Storage is unavailable (private mode, some file:// setups): the
      // choice then lasts for this page only.
    }
  }

  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen;
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    return dark ? "dark" : "light";
  }

  var initial = storedTheme();
  if (initial === "light" || initial === "dark") root.setAttribute("data-theme", initial);

  function setUpThemeToggle() {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    function label() {
      var next = currentTheme() === "dark" ? "light" : "dark";
      button.setAttribute("aria-label", "Switch to the " + next + " theme");
      button.setAttribute("title", "Switch to the " + next + " theme");
    }
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      storeTheme(next);
      label();
    });
    label();
  }

  function score(entry, terms) {
    var title = entry.t.toLowerCase();
    var haystack = title + " " + entry.k + " " + entry.x.toLowerCase();
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      if (haystack.indexOf(term) < 0) return 0;
      if (title.indexOf(term) === 0) total += 4;
      else if (title.indexOf(term) > 0) total += 2;
      else total += 1;
    }
    return total;
  }

  function search(query) {
    var index = window.CONTENTDOC_SEARCH || [];
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length === 0) return [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var value = score(index[i], terms);
      if (value > 0) hits.push({ entry: index[i], score: value });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || a.entry.t.localeCompare(b.entry.t);
    });
    return hits.slice(0, MAX_RESULTS).map(function (hit) { return hit.entry; });
  }

  function setUpSearch() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !list) return;

    function announce(text) {
      if (status) status.textContent = text;
    }
    var prefix = root.getAttribute("data-root") || "";

    function close() {
      list.hidden = true;
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    function show() {
      var query = input.value.trim();
      list.textContent = "";
      if (!query) {
        close();
        announce("");
        return;
      }
      var results = search(query);
      if (results.length === 0) {
        var empty = document.createElement("li");
        empty.className = "empty";
        empty.textContent = "No match for \u201c" + query + "\u201d";
        list.appendChild(empty);
      }
      results.forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = prefix + entry.u;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = entry.k;
        link.appendChild(kind);
        link.appendChild(document.createTextNode(entry.t));
        if (entry.x) {
          var text = document.createElement("span");
          text.className = "text";
          text.textContent = entry.x;
          link.appendChild(text);
        }
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
      announce(results.length === 1 ? "1 result" : results.length + " results");
    }

    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      var found = links();
      if (event.key === "ArrowDown" && found.length) {
        event.preventDefault();
        found[0].focus();
      } else if (event.key === "Enter" && found.length) {
        event.preventDefault();
        window.location.href = found[0].href;
      } else if (event.key === "Escape") {
        close();
      }
    });
    list.addEventListener("keydown", function (event) {
      var found = links();
      var position = found.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && position < found.length - 1) {
        event.preventDefault();
        found[position + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (position > 0) found[position - 1].focus();
        else input.focus();
      } else if (event.key === "Escape") {
        close();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!list.contains(event.target) && event.target !== input) close();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpThemeToggle();
    setUpSearch();
  });
})();
