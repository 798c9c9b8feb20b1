/* Engagement Hub: a menu button that works with a keyboard, on narrow screens and when zoomed in.
   Material opens its menu with a <label> that a keyboard cannot reach. This puts a real
   button in its place: Enter or Space opens and closes the menu, Escape closes it and goes
   back to the button, Tab past the end of the menu closes it, and aria-expanded says whether
   it is open. Without JavaScript the label stays, and works with a mouse or a finger. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!drawer || !label) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon hub-menu-button";
  button.setAttribute("aria-label", "Menu");
  button.innerHTML = label.innerHTML;
  label.after(button);
  label.hidden = true;

  function sync() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }
  sync();
  drawer.addEventListener("change", sync);
  button.addEventListener("click", function () {
    drawer.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus();
    }
  });
  // Tabbing on past the last link of the menu closes it, so it does not cover the page.
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && !event.target.closest(".md-header, .md-sidebar--primary")) {
      drawer.click();
    }
  });
  // Material closes the menu itself after a link is followed, without a change event.
  window.addEventListener("pageshow", sync);
})();
