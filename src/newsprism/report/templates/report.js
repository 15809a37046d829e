(function () {
  "use strict";
  var tip = document.getElementById("tip");

  function showTip(event) {
    var element = event.currentTarget;
    var box = element.getBoundingClientRect();
    tip.textContent = element.getAttribute("data-tip");
    tip.hidden = false;
    var left = Math.min(box.left + window.scrollX,
                        window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function hideTip() { tip.hidden = true; }

  document.querySelectorAll(".hl[title]").forEach(function (element) {
    element.setAttribute("data-tip", element.getAttribute("title"));
    element.removeAttribute("title");
    element.addEventListener("mouseenter", showTip);
    element.addEventListener("focus", showTip);
    element.addEventListener("mouseleave", hideTip);
    element.addEventListener("blur", hideTip);
  });

  function markTarget(id) {
    document.querySelectorAll(".ev.active").forEach(function (element) {
      element.classList.remove("active");
    });
    if (!id) { return; }
    var pieces = document.querySelectorAll('[data-ev~="' + CSS.escape(id) + '"]');
    pieces.forEach(function (element) { element.classList.add("active"); });
    if (pieces.length) { pieces[0].scrollIntoView({block: "center"}); }
  }

  function currentTarget() { return decodeURIComponent(window.location.hash.slice(1)); }

  window.addEventListener("hashchange", function () { markTarget(currentTarget()); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link && link.getAttribute("href").slice(1) === currentTarget()) {
      markTarget(currentTarget());
    }
  });
  markTarget(currentTarget());

  // A fact's detail rows (names, figures, dates some articles leave out) start folded.
  document.querySelectorAll("table.matrix tr[data-fact]").forEach(function (row) {
    var rows = document.querySelectorAll(
      'table.matrix tr.detail[data-of="' + CSS.escape(row.getAttribute("data-fact")) + '"]');
    if (!rows.length) { return; }
    var noun = rows.length === 1 ? " detail" : " details";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "fold";
    function show(open) {
      rows.forEach(function (detail) { detail.hidden = !open; });
      button.setAttribute("aria-expanded", String(open));
      button.textContent = (open ? "hide " : "show ") + rows.length + noun;
    }
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    row.querySelector("th").appendChild(button);
    show(false);
  });
})();
