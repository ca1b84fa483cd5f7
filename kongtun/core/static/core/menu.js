// The phone menu folds into the menu button; without this script the menu simply stays open.
(function () {
  document.documentElement.classList.add("has-menu-button");
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".menu-button");
    var menu = document.getElementById("main-menu");
    if (!button || !menu) return;
    button.addEventListener("click", function () {
      var open = menu.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });
})();
