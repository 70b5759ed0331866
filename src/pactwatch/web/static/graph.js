// Draws the dyad graph in #graph with d3: states as nodes, each pair of states
// an edge whose width grows with its events. Positions come from a force
// layout run to rest before drawing; each edge links to that pair's timeline.
"use strict";
(function () {
  var root = document.getElementById("graph");
  if (!root || !window.d3) return;

  function draw(data) {
    var width = Math.max(root.clientWidth, 600), height = 480;
    var names = new Map();
    data.dyads.forEach(function (d) {
      [d.a, d.b].forEach(function (s) { names.set(s, (names.get(s) || 0) + d.events); });
    });
    var nodes = Array.from(names, function (pair) { return { id: pair[0], events: pair[1] }; });
    var links = data.dyads.map(function (d) { return { source: d.a, target: d.b, d: d }; });
    if (!nodes.length) {
      d3.select(root).append("p").attr("class", "empty").text("No pairs of states to draw.");
      return;
    }
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(110))
      .force("charge", d3.forceManyBody().strength(-320))
      .force("center", d3.forceCenter(width / 2, height / 2))
      .force("collide", d3.forceCollide(26))
      .stop();
    for (var i = 0; i < 300; i += 1) sim.tick();
    // Fit the layout into the box (scaling, not clamping, so no two nodes pile up).
    var fx = d3.scaleLinear().domain(d3.extent(nodes, function (n) { return n.x; })).range([30, width - 30]);
    var fy = d3.scaleLinear().domain(d3.extent(nodes, function (n) { return n.y; })).range([30, height - 30]);
    nodes.forEach(function (n) {
      n.x = nodes.length > 1 ? fx(n.x) : width / 2;
      n.y = nodes.length > 1 ? fy(n.y) : height / 2;
    });
    var weight = d3.scaleSqrt().domain([1, d3.max(links, function (l) { return l.d.events; })])
      .range([2, 12]);
    var svg = d3.select(root).append("svg").attr("width", width).attr("height", height);
    var edges = svg.append("g").selectAll("a").data(links).join("a")
      .attr("class", "edge")
      .attr("href", function (l) { return "/timeline?a=" + l.d.a + "&b=" + l.d.b; });
    edges.append("title").text(function (l) { return l.d.a + "–" + l.d.b + ": " + l.d.events + " events"; });
    edges.append("line")
      .attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; })
      .attr("stroke-width", function (l) { return weight(l.d.events); });
    var node = svg.append("g").selectAll("a").data(nodes).join("a")
      .attr("class", "node")
      .attr("href", function (n) { return "/timeline?a=" + n.id + "&b=all"; });
    node.append("circle").attr("cx", function (n) { return n.x; }).attr("cy", function (n) { return n.y; })
      .attr("r", 16);
    node.append("text").attr("x", function (n) { return n.x; }).attr("y", function (n) { return n.y + 4; })
      .attr("text-anchor", "middle").text(function (n) { return n.id; });
  }

  fetch(root.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(draw);
})();
