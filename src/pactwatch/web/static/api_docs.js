// Starts Swagger UI on the OpenAPI document named by #swagger-ui's data-spec
// (a separate file because the Content-Security-Policy forbids inline script).
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.dataset.spec, dom_id: "#swagger-ui", deepLinking: true });
});
