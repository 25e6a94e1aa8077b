/* The dossier's search worker: Material's page↔worker protocol over the generator's sharded index.
 *
 * The hook serves this file (after arabic.js, which defines self.dossierArabic) at the path of
 * Material's own search worker, so the page, its search box, result list and keyboard handling
 * are Material's. The protocol (Material 9.8, integrations/search/worker): the page posts
 * {type: 0 SETUP, data: {config, docs, options}} once, then {type: 2 QUERY, data: "text"} per
 * keystroke; the worker answers {type: 1 READY} and {type: 3 RESULT, data: {items}}, where items
 * is a list of groups, one per page: the page first, then its sections, each
 * {location, title, text, score, terms}. title and text are HTML (Material inserts them as is):
 * every piece of page text is escaped here, and the only markup added is <mark> around whole words.
 * The keys of `terms` marked true become the ?h= highlight of the page a result opens.
 *
 * Nothing is loaded before it is needed: SETUP loads search/manifest.js; a query loads the term
 * shard of each query term (search/s/N.js), then search/d/N.js for the pages it shows. Every file
 * is a classic script calling self.dossierSearch: fetched (in parallel) and run in a worker, or
 * loaded with <script> elements under the iframe-worker shim of the offline edition (file://,
 * where fetch cannot read files).
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var ROOT = /*ROOT*/ "../../../search/";
  var LIMIT = 10;         /* pages in a result list */
  var SECTIONS = 6;       /* paragraphs shown under one page */
  var CONTEXT = 140;      /* characters of an excerpt on either side of its first match */
  var EXACT = 0, PREFIX = 1, FUZZY = 2, NONE = 3;
  var FACTOR = [1, 0.6, 0.4];
  var MIN_FUZZY = 4, MIN_FUZZY_NAME = 5;
  var arabic = self.dossierArabic;
  var manifest = null, shards = {}, docs = {}, names = null, separator = null, trim = {};
  var has = Object.prototype.hasOwnProperty;

  self.dossierSearch = {
    manifest: function (m) { manifest = m; },
    shard: function (n, terms) { shards[n] = terms; },
    doc: function (n, d) { docs[n] = d; },
    names: function (list) { names = list; }
  };

  /* Under the iframe-worker shim this file is the iframe's first script[src]. */
  function scriptURL() {
    if (typeof document !== "undefined") {
      var s = document.querySelector("script[src]");
      if (s) return s.src;
    }
    return self.location.href;
  }
  var base = new URL(ROOT, scriptURL()).href;

  /* Loads each file once; a file another query is still loading is waited for, not fetched again. */
  var pending = {};
  function load(paths) {
    var fresh = paths.filter(function (p) { return !has.call(pending, p); });
    if (fresh.length) {
      var batch = fetchAll(fresh.map(function (p) { return base + p; }));
      fresh.forEach(function (p) { pending[p] = batch; });
    }
    return Promise.all(paths.map(function (p) { return pending[p]; }));
  }

  function fetchAll(urls) {
    if (typeof document === "undefined") {  /* a worker: fetch in parallel, run in order */
      return Promise.all(urls.map(function (u) {
        return fetch(u).then(function (r) { return r.ok ? r.text() : ""; }, function () { return ""; });
      })).then(function (texts) {
        texts.forEach(function (text, i) {
          try { (0, eval)(text); } catch (e) { console.warn("search: cannot load " + urls[i]); }
        });
      });
    }
    return Promise.all(urls.map(function (u) {
      return new Promise(function (done) {
        var s = document.createElement("script");
        s.src = u;
        s.onload = s.onerror = function () { done(); };
        document.body.appendChild(s);
      });
    }));
  }

  function unique(xs) {
    return xs.filter(function (x, i) { return xs.indexOf(x) === i; });
  }

  function length(s) { return Array.from(s).length; }

  /* ---- words and terms: the same as generator/site/searchindex.py ---- */

  function words(text) {
    var out = [], pos = 0, m;
    separator.lastIndex = 0;
    while ((m = separator.exec(text)) !== null) {
      if (m.index > pos) out.push([pos, m.index]);
      pos = m.index + m[0].length;
      if (!m[0].length) separator.lastIndex++;
    }
    if (pos < text.length) out.push([pos, text.length]);
    return out;
  }

  var cache = new Map();  /* word → term: pages repeat their words, fold each once */
  function term(word) {
    var t = cache.get(word);
    if (t === undefined) {
      t = fresh(word);
      if (cache.size > 200000) cache.clear();
      cache.set(word, t);
    }
    return t;
  }

  function fresh(word) {
    return arabic.stripProclitics(trimmed(arabic.fold(word)));
  }

  function trimmed(f) {
    var a = 0, b = f.length;
    while (a < b && has.call(trim, f[a])) a++;
    while (b > a && has.call(trim, f[b - 1])) b--;
    return f.slice(a, b);
  }

  function shardOf(t) {
    var h = 0x811c9dc5, i = 0;
    for (var c of t) {
      if (i++ >= manifest.prefix) break;
      h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
    }
    return h % manifest.modulo;
  }

  function shardPath(t) { return "s/" + shardOf(t) + ".js"; }

  function postings(t) {
    var s = shards[shardOf(t)];
    return s && has.call(s, t) ? s[t] : null;
  }

  /* One letter dropped, added or changed. */
  function oneEdit(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (a.length > b.length) { var x = a; a = b; b = x; }
    if (b.length - a.length > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    var j = a.length === b.length ? i + 1 : i;
    return a.slice(j).join("") === b.slice(i + 1).join("");
  }

  /* ---- query → terms → matching index terms ---- */

  function parse(query) {
    var terms = [], raw = [], folded = [];
    words(query).forEach(function (w) {
      var text = query.slice(w[0], w[1]), t = term(text);
      if (t && terms.indexOf(t) < 0) { terms.push(t); raw.push(text); folded.push(trimmed(arabic.fold(text))); }
    });
    return { terms: terms, raw: raw, folded: folded };
  }

  /* A query word one letter away from a name word, compared as typed (folded) or without
   * proclitics on both sides (وبروكمن → بروكمان). */
  function typo(word, stem, name) {
    var key = term(name);
    return key !== stem && (
      (length(word) >= MIN_FUZZY && Math.max(length(word), length(name)) >= MIN_FUZZY_NAME && oneEdit(word, name)) ||
      (length(stem) >= MIN_FUZZY && Math.max(length(stem), length(key)) >= MIN_FUZZY_NAME && oneEdit(stem, key)));
  }

  function expand(q) {
    var terms = q.terms, matches = terms.map(function () { return []; });
    var shardsOf = unique(terms.map(shardPath)).filter(function (p) {
      return manifest.shards.indexOf(+p.slice(2, -3)) >= 0;
    });
    return load(shardsOf).then(function () {
      terms.forEach(function (t, i) {
        var s = shards[shardOf(t)] || {};
        if (has.call(s, t)) matches[i].push({ key: t, kind: EXACT });
        if (length(t) >= manifest.prefix)
          for (var k in s) if (k !== t && k.startsWith(t)) matches[i].push({ key: k, kind: PREFIX });
      });
      var typos = terms.map(function (t, i) {
        return length(q.folded[i]) >= MIN_FUZZY && !matches[i].some(function (m) { return m.kind === EXACT; });
      });
      if (typos.indexOf(true) < 0) return matches;
      return load(["names.js"]).then(function () {
        var more = [];
        terms.forEach(function (t, i) {
          if (!typos[i] || !names) return;
          names.forEach(function (name) {
            if (!typo(q.folded[i], t, name)) return;
            var k = term(name);
            if (matches[i].some(function (m) { return m.key === k; })) return;
            matches[i].push({ key: k, kind: FUZZY });
            more.push(shardPath(k));
          });
        });
        return load(unique(more)).then(function () { return matches; });
      });
    });
  }

  /* ---- ranking ----
   * Tiers: 0 the query is one of the page's own names (an entity's spellings: every query term
   * is a word of a name as long as the query), exactly; 1 the same, by prefix; 2 every query term
   * is a word of the page's names; 3 any exact or prefix match; 4 names matched with a typo;
   * 5 anything matched only with a typo. Then: more query terms found, the page's rank
   * (articles, then entity and event pages, then notes pages, then index pages), shorter names, higher score
   * (title and text occurrences weighed by rarity), document order. */
  function rank(terms, matches) {
    var total = manifest.docs, byDoc = {};
    matches.forEach(function (list, i) {
      list.forEach(function (m) {
        var flat = postings(m.key);
        if (!flat) return;
        var idf = Math.log(1 + total / (flat.length / 2));
        for (var j = 0, doc = 0; j < flat.length; j += 2) {
          doc += flat[j];
          var w = flat[j + 1], name = Math.floor(w / 1000), title = Math.floor(w % 1000 / 100), tf = w % 100;
          var r = byDoc[doc] || (byDoc[doc] = { doc: doc, per: terms.map(function () { return null; }) });
          var p = r.per[i] || (r.per[i] = { score: 0, kind: NONE, name: 0, nameKind: NONE });
          p.score = Math.max(p.score, FACTOR[m.kind] * idf * (4 * title + Math.log(1 + tf) + (name ? 2 : 0)));
          p.kind = Math.min(p.kind, m.kind);
          if (name && (m.kind < p.nameKind || (m.kind === p.nameKind && name < p.name))) {
            p.nameKind = m.kind;
            p.name = name;
          }
        }
      });
    });
    var out = Object.keys(byDoc).map(function (k) {
      var per = byDoc[k].per.filter(Boolean);
      var named = per.length === terms.length && per.every(function (p) { return p.name; });
      var longest = Math.max.apply(null, per.map(function (p) { return p.name; }));
      var nameKind = Math.max.apply(null, per.map(function (p) { return p.nameKind; }));
      var best = Math.min.apply(null, per.map(function (p) { return p.kind; }));
      var tier = !named ? (best < FUZZY ? 3 : 5)
        : nameKind === FUZZY ? 4
        : longest > terms.length ? 2
        : nameKind === EXACT ? 0 : 1;
      var sum = function (f) { return per.reduce(function (s, p) { return s + f(p); }, 0); };
      var doc = byDoc[k].doc, rank = manifest.ranks.filter(function (end) { return end <= doc; }).length;
      return {
        doc: doc, tier: tier, found: per.length, rank: rank,
        name: named ? longest : 10, score: sum(function (p) { return p.score; })
      };
    });
    out.sort(function (a, b) {
      return a.tier - b.tier || b.found - a.found || a.rank - b.rank || a.name - b.name || b.score - a.score || a.doc - b.doc;
    });
    return out;
  }

  /* ---- results: whole words marked in escaped text ---- */

  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function escape(s) { return s.replace(/[&<>"']/g, function (c) { return ENTITIES[c]; }); }

  function matcher(terms, matches) {
    var typos = terms.map(function (t, i) {
      var set = {};
      matches[i].forEach(function (m) { if (m.kind === FUZZY) set[m.key] = true; });
      return set;
    });
    var prefix = terms.map(function (t) { return length(t) >= manifest.prefix; });
    return function (k) {
      for (var i = 0; i < terms.length; i++)
        if (k === terms[i] || (prefix[i] && k.startsWith(terms[i])) || has.call(typos[i], k)) return i;
      return -1;
    };
  }

  /* Every word of `text` that matches: [start, end, query term]. */
  function hits(text, match) {
    var out = [];
    words(text).forEach(function (w) {
      var i = match(term(text.slice(w[0], w[1])));
      if (i >= 0) out.push([w[0], w[1], i]);
    });
    return out;
  }

  function marked(text, found, from, to) {
    var out = "", pos = from;
    found.forEach(function (h) {
      if (h[0] < from || h[1] > to) return;
      out += escape(text.slice(pos, h[0])) + "<mark>" + escape(text.slice(h[0], h[1])) + "</mark>";
      pos = h[1];
    });
    return out + escape(text.slice(pos, to));
  }

  /* Up to two blocks holding matches, each cut around its first match at word boundaries. */
  function excerpt(blocks) {
    var shown = blocks.filter(function (b) { return b.found.length; }).slice(0, 2);
    return shown.map(function (b) {
      var text = b.text, from = 0, to = text.length;
      if (to > 2 * CONTEXT) {
        from = Math.max(0, b.found[0][0] - CONTEXT);
        to = Math.min(text.length, from + 2 * CONTEXT);
        var ws = words(text);
        if (from > 0) from = (ws.find(function (w) { return w[0] >= from; }) || [from])[0];
        if (to < text.length) to = (ws.filter(function (w) { return w[1] <= to; }).pop() || [0, to])[1];
      }
      return "<p>" + (from > 0 ? "… " : "") + marked(text, b.found, from, to) + (to < text.length ? " …" : "") + "</p>";
    }).join("");
  }

  /* The words to highlight on the page a result opens (?h=). Material's highlighter there marks
   * each listed word wherever its letters occur, trying the list in order at each position, so
   * the list holds every form the page may write: each word as written, bare and with every
   * attached و ف ب ك ل in front (a page quotes other articles), longest first; a word of the list
   * then never shows as a fragment of a longer one. Missing query terms are listed as false. */
  var CLITICS = ["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"];
  var ATTACHED = /^(?:[وف]?[بكل]|[وف])/;
  function forms(s) {
    var m = ATTACHED.exec(s), bare = m && term(s.slice(m[0].length)) === term(s) ? s.slice(m[0].length) : s;
    if (!/^[\u0621-\u064a]/.test(bare)) return [s, bare];
    return [s, bare].concat(CLITICS.map(function (c) {
      return c.slice(-1) === "ل" && bare.startsWith("ال") ? c + bare.slice(1) : c + bare;
    }));
  }

  function surfaces(list, terms, raw, perTerm) {
    var all = [];
    list.slice(0, 40).forEach(function (s) { all = all.concat(forms(s)); });
    var out = {};
    unique(all).sort(function (a, b) { return b.length - a.length || (a < b ? -1 : 1); })
      .forEach(function (s) { out[s] = true; });
    terms.forEach(function (t, i) { if (!perTerm[i]) out[raw[i]] = false; });
    return out;
  }

  function results(ranked, terms, raw, matches) {
    var match = matcher(terms, matches);
    var items = [];
    ranked.forEach(function (r, rank) {
      var d = docs[r.doc];
      if (!d) return;
      var score = ranked.length - rank, found = [], perTerm = {};
      var note = function (text, hs) {
        hs.forEach(function (h) { found.push(text.slice(h[0], h[1])); perTerm[h[2]] = true; });
        return hs;
      };
      var title = marked(d.t, note(d.t, hits(d.t, match)), 0, d.t.length);
      var units = d.u.map(function (u, j) {
        var blocks = u[2].map(function (text) { return { text: text, found: note(text, hits(text, match)) }; });
        var terms = {}, count = 0;
        blocks.forEach(function (b) { b.found.forEach(function (h) { terms[h[2]] = true; count++; }); });
        return { j: j, anchor: u[0], title: u[1], blocks: blocks, weight: Object.keys(terms).length * 1000 + count };
      });
      var best = units.slice().sort(function (a, b) { return b.weight - a.weight || a.j - b.j; })[0];
      var h = surfaces(unique(found), terms, raw, perTerm);
      var text = best.weight ? excerpt(best.blocks) : (units[0].blocks.length ? "<p>" + escape(units[0].blocks[0].text) + "</p>" : "");
      var group = [{ location: d.l, title: title, text: text, score: score, terms: h }];
      units.slice(1).filter(function (u) { return u.weight && u !== best; })
        .sort(function (a, b) { return b.weight - a.weight || a.j - b.j; })
        .slice(0, SECTIONS)
        .forEach(function (u) {
          group.push({
            location: d.l + "#" + u.anchor, title: marked(u.title, hits(u.title, match), 0, u.title.length),
            text: excerpt(u.blocks), score: score * 0.5 * u.weight / (best.weight + 1), terms: h
          });
        });
      items.push(group);
    });
    return { items: items };
  }

  /* The LIMIT best pages: each needs its page file (for its excerpt), so a longer list would cost
   * a request per page; Material shows ten before the reader scrolls. */
  function search(query) {
    var q = parse(query);
    if (!q.terms.length) return Promise.resolve({ items: [] });
    return expand(q).then(function (matches) {
      var ranked = rank(q.terms, matches).slice(0, LIMIT);
      return load(ranked.map(function (r) { return "d/" + r.doc + ".js"; })).then(function () {
        return results(ranked, q.terms, q.raw, matches);
      });
    });
  }

  /* ---- the protocol ---- */

  var queue = Promise.resolve(), latest = 0;
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === SETUP) {
      queue = queue.then(function () { return load(["manifest.js"]); }).then(function () {
        separator = new RegExp(manifest.separator, "gu");
        Array.from(manifest.trim).forEach(function (c) { trim[c] = true; });
        postMessage({ type: READY });
      });
    } else if (message.type === QUERY) {
      var id = ++latest;
      queue = queue.then(function () {
        if (id !== latest) return;  /* a newer query is waiting: answer that one */
        return search(message.data).then(function (data) {
          if (id === latest) postMessage({ type: RESULT, data: data });
        }, function (err) {
          console.warn("search: " + message.data, err);
          postMessage({ type: RESULT, data: { items: [] } });
        });
      });
    }
  });
})();
