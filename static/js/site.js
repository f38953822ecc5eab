/* Progressive enhancement for the reader. Every page works without this file;
   it adds keyboard moves between sentences, focus handling after htmx swaps
   (for keyboard and screen-reader users) and copy-to-clipboard buttons. */
(function () {
  "use strict";

  function sentenceLinks() {
    return Array.prototype.slice.call(document.querySelectorAll(".speech a.sentence"));
  }

  function announce(message) {
    var region = document.getElementById("announcer");
    if (region) {
      region.textContent = message;
    }
  }

  // Mark the sentence the panel now shows; the panel swap alone cannot.
  function markSelected(anchor) {
    sentenceLinks().forEach(function (link) {
      var selected = link.dataset.anchor === anchor;
      link.classList.toggle("selected", selected);
      if (selected) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
    var reader = document.querySelector(".reader");
    if (reader) {
      reader.classList.toggle("has-selection", Boolean(anchor));
    }
  }

  function selectedSentence() {
    return document.querySelector(".speech a.sentence.selected");
  }

  function enableCopyButtons(root) {
    root.querySelectorAll(".copy-button[data-copy-from]").forEach(function (button) {
      if (!navigator.clipboard) {
        return;
      }
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".copy-button[data-copy-from]");
    if (!button) {
      return;
    }
    var input = document.getElementById(button.dataset.copyFrom);
    navigator.clipboard.writeText(input.value).then(function () {
      button.textContent = "Copied";
      announce("Permalink copied");
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var current = event.target.closest ? event.target.closest(".speech a.sentence") : null;
    if (event.key === "Escape" && event.target.closest && event.target.closest("#sentence-panel")) {
      var back = selectedSentence();
      if (back) {
        event.preventDefault();
        back.focus();
      }
      return;
    }
    if (!current) {
      return;
    }
    var step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (!step) {
      return;
    }
    var links = sentenceLinks();
    var next = links[links.indexOf(current) + step];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (!target) {
      return;
    }
    // With outerHTML swaps the target is the element that was replaced:
    // look the new one up by id.
    var swapped = target.id ? document.getElementById(target.id) : null;
    if (!swapped) {
      return;
    }
    enableCopyButtons(swapped);
    if (swapped.id === "sentence-panel") {
      markSelected(swapped.dataset.anchor || "");
      var heading = document.getElementById("panel-heading");
      if (heading) {
        heading.focus();
        announce(heading.textContent.trim() + " opened");
      }
    }
  });

  document.addEventListener("htmx:historyRestore", function () {
    enableCopyButtons(document);
    var selected = selectedSentence();
    if (selected) {
      selected.focus();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    enableCopyButtons(document);
    var selected = selectedSentence();
    if (selected) {
      // A sentence permalink opened directly: bring the sentence into view.
      selected.scrollIntoView({ block: "center" });
    }
  });
})();
