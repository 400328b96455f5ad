// Page behaviour declared in the templates with data attributes, so that no page needs an
// inline script or event-handler attribute: the Content-Security-Policy allows scripts from
// this site's static files only (script-src 'self').
(function () {
  "use strict";

  // <select data-kirim-otomatis>: submit the form as soon as the choice changes.
  document.addEventListener("change", function (e) {
    var el = e.target.closest ? e.target.closest("[data-kirim-otomatis]") : null;
    if (!el || !el.form) return;
    if (el.form.requestSubmit) el.form.requestSubmit();
    else el.form.submit();
  });

  // <form data-konfirmasi="Pertanyaan?">: ask before submitting; cancel keeps the page.
  document.addEventListener(
    "submit",
    function (e) {
      var form = e.target;
      var pesan = form.getAttribute ? form.getAttribute("data-konfirmasi") : null;
      if (pesan && !window.confirm(pesan)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    true
  );

  // Report page: clicking an anchored part of the report picks it as the place of a review
  // note (#id_jangkar).
  document.addEventListener("DOMContentLoaded", function () {
    var pilih = document.getElementById("id_jangkar");
    var dokumen = document.getElementById("dokumen");
    if (!pilih || !dokumen) return;
    dokumen.addEventListener("click", function (e) {
      var el = e.target.closest("[data-jangkar][id]");
      if (!el) return;
      pilih.value = el.id;
      document.querySelectorAll(".jangkar-terpilih").forEach(function (x) {
        x.classList.remove("jangkar-terpilih");
      });
      el.classList.add("jangkar-terpilih");
    });
  });
})();
