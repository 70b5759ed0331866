// Draws the dyad timeline in #timeline from the API's JSON with d3: one lane per
// overlapping run, colour by event type, a dot for a day and a bar for a date
// known only to a month, a year or a range (EDTF 1990/1993 is a bar). Each mark
// is a link to its event page.
"use strict";
(function () {
  var root = document.getElementById("timeline");
  if (!root || !window.d3) return;
  var DAY = 86400000;
  var colour = d3.scaleOrdinal(d3.schemeTableau10);

  function lanes(events) {
    var ends = [];
    events.forEach(function (e) {
      var lane = ends.findIndex(function (end) { return end < e.x0; });
      if (lane < 0) { lane = ends.length; ends.push(0); }
      ends[lane] = e.x1 + 40 * DAY;
      e.lane = lane;
    });
    return ends.length;
  }

  function draw(data) {
    var events = data.events.filter(function (e) { return e.start; });
    events.forEach(function (e) {
      e.x0 = Date.parse(e.start);
      e.x1 = Date.parse(e.end) + DAY;
    });
    if (!events.length) {
      d3.select(root).append("p").attr("class", "empty").text("No dated events to draw.");
      return;
    }
    var n = lanes(events);
    var width = Math.max(root.clientWidth, 600), row = 18, top = 10, axis = 24;
    var height = top + n * row + axis;
    var lo = d3.min(events, function (e) { return e.x0; });
    var hi = d3.max(events, function (e) { return e.x1; });
    var pad = Math.max((hi - lo) * 0.03, 30 * DAY);
    var x = d3.scaleTime().domain([new Date(lo - pad), new Date(hi + pad)]).range([10, width - 10]);
    var svg = d3.select(root).append("svg").attr("width", width).attr("height", height)
      .attr("role", "img");
    svg.append("g").attr("transform", "translate(0," + (height - axis) + ")")
      .call(d3.axisBottom(x).ticks(Math.min(12, width / 80)));
    var marks = svg.selectAll("a.mark").data(events).join("a")
      .attr("class", function (e) { return "mark t-" + e.type; })
      .attr("href", function (e) { return "/events/" + encodeURIComponent(e.id); })
      .attr("data-id", function (e) { return e.id; });
    marks.append("title").text(function (e) {
      return e.date + " · " + e.type + (e.status ? " · " + e.status : "") + " · " + e.subject;
    });
    marks.each(function (e) {
      var g = d3.select(this), y = top + e.lane * row + row / 2;
      var wide = x(e.x1) - x(e.x0) > 6 && e.end !== e.start;
      if (wide) {
        g.append("rect").attr("class", "bar").attr("x", x(e.x0)).attr("y", y - 6)
          .attr("width", x(e.x1) - x(e.x0)).attr("height", 12).attr("rx", 3)
          .attr("fill", colour(e.type)).attr("fill-opacity", e.status ? 0.85 : 0.45);
      } else {
        g.append("circle").attr("class", "dot").attr("cx", x(e.x0)).attr("cy", y).attr("r", 6)
          .attr("fill", colour(e.type));
      }
    });
  }

  // Follow the API's cursor for up to MAX_PAGES pages, then draw once.
  var MAX_PAGES = 10;
  function load(url, events, pages) {
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        var all = events.concat(page.events);
        if (!page.next || pages + 1 >= MAX_PAGES) return { events: all };
        var next = root.dataset.src + (root.dataset.src.indexOf("?") < 0 ? "?" : "&") +
          "cursor=" + encodeURIComponent(page.next);
        return load(next, all, pages + 1);
      });
  }
  load(root.dataset.src, [], 0).then(draw);
})();
