// The projector's screen: one slide at a time, moved with the keyboard; a countdown per agenda
// item that survives the slides' refresh. Without this script every slide shows, one under the
// other, which still reads.
(function () {
  "use strict";
  var STORE = "present:" + location.pathname;
  var current = 0;
  var timer = document.querySelector(".present-timer");
  var display = document.querySelector(".present-time");
  var tick = null;

  function slides() { return Array.prototype.slice.call(document.querySelectorAll(".slide")); }

  function keyOf(slide) { return slide ? slide.getAttribute("data-slide") : ""; }

  function show(index) {
    var all = slides();
    if (!all.length) { return; }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (slide, i) { slide.classList.toggle("current", i === current); });
    document.body.classList.add("one-at-a-time");
    if (history.replaceState) { history.replaceState(null, "", "#" + keyOf(all[current])); }
    updateTimer();
  }

  function indexOfKey(key) {
    var all = slides();
    for (var i = 0; i < all.length; i++) { if (keyOf(all[i]) === key) { return i; } }
    return -1;
  }

  // Countdowns are kept per slide, as an end time, so a refresh or a slide change keeps them.
  function ends() {
    try { return JSON.parse(sessionStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }
  function saveEnds(value) { sessionStorage.setItem(STORE, JSON.stringify(value)); }

  function updateTimer() {
    var slide = slides()[current];
    var timed = slide && slide.hasAttribute("data-timed");
    timer.hidden = !timed;
    if (tick) { clearInterval(tick); tick = null; }
    if (!timed) { return; }
    var end = ends()[keyOf(slide)];
    function render() {
      if (!end) { display.textContent = ""; timer.classList.remove("running", "over"); return; }
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      display.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      timer.classList.toggle("running", left > 0);
      timer.classList.toggle("over", left === 0);
    }
    render();
    if (end) { tick = setInterval(render, 500); }
  }

  function setTimer(minutes) {
    var key = keyOf(slides()[current]);
    var all = ends();
    if (minutes) { all[key] = Date.now() + minutes * 60000; } else { delete all[key]; }
    saveEnds(all);
    updateTimer();
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || key === " ") { show(current + 1); }
    else if (key === "ArrowLeft" || key === "PageUp") { show(current - 1); }
    else if (key === "Home") { show(0); }
    else if (key === "End") { show(slides().length - 1); }
    else if (key === "t" || key === "T") {
      var running = ends()[keyOf(slides()[current])];
      setTimer(running ? 0 : 10);
    } else { return; }
    event.preventDefault();
  });

  timer.addEventListener("click", function (event) {
    var minutes = event.target.getAttribute("data-minutes");
    if (minutes) { setTimer(Number(minutes)); }
  });

  // The slides are replaced when the group changes: stay on the same slide by its key.
  document.body.addEventListener("htmx:afterSwap", function () {
    var key = location.hash.slice(1);
    var index = indexOfKey(key);
    show(index >= 0 ? index : Math.min(current, slides().length - 1));
  });

  // The operator's controls fade once the mouse and keys rest, so the room sees the slide and the
  // countdown alone; any move brings them back.
  var resting = null;
  function wake() {
    document.body.classList.remove("controls-resting");
    clearTimeout(resting);
    resting = setTimeout(function () { document.body.classList.add("controls-resting"); }, 3000);
  }
  ["mousemove", "mousedown", "keydown", "touchstart", "focusin"].forEach(function (name) {
    document.addEventListener(name, wake, { passive: true });
  });
  wake();

  var start = indexOfKey(location.hash.slice(1));
  show(start >= 0 ? start : 0);
}());
