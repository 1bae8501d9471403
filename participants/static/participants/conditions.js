// Registration forms: a question or section with data-show-when="key" data-show-value="value"
// is shown only while the question `key` is shown and answered with `value`; hidden, its
// inputs are disabled so they are not sent (the server refuses answers to questions not asked,
// participants.questionnaire.visible_keys).
(function () {
  "use strict";
  var form = document.querySelector("form[data-conditions]");
  if (!form) return;
  var parts = Array.prototype.slice.call(form.querySelectorAll("[data-show-when]"));

  function questionBox(key) {
    return form.querySelector('.question[data-question="' + key + '"]');
  }

  function isShown(element) {
    for (var node = element; node && node !== form; node = node.parentElement) {
      if (node.hidden) return false;
    }
    return true;
  }

  function answers(key) {
    var box = questionBox(key);
    if (!box || !isShown(box)) return [];
    var values = [];
    box.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (input.disabled || input.name !== key) return;
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.type === "file") {
        // A file kept from before (the official editing their answers) answers it as a new one does.
        if (input.files.length || box.querySelector(".answer-file-kept")) values.push("file");
        return;
      }
      if (input.tagName === "SELECT") {
        Array.prototype.forEach.call(input.selectedOptions, function (o) { if (o.value) values.push(o.value); });
        return;
      }
      if (input.value) values.push(input.value);
    });
    return values;
  }

  function update() {
    // In form order: an earlier part decides a later one, as on the server.
    parts.forEach(function (part) {
      var show = answers(part.dataset.showWhen).indexOf(part.dataset.showValue) !== -1;
      part.hidden = !show;
      part.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.disabled = !show || !isShown(input);
      });
    });
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
})();
