// Material runs a search when a key is released in the search box (keyup), and only then. Text can
// arrive without one: pasted from a menu, dropped, dictated, or picked from a phone keyboard's
// suggestions, as Arabic keyboards offer them. Each change of the box's text is passed on as a keyup,
// so the query runs (Material leaves a query that did not change alone).
document.addEventListener("input", function (event) {
  var box = event.target;
  if (box instanceof HTMLInputElement && box.classList.contains("md-search__input")) {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
});
