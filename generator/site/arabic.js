/* Arabic search for the dossier, run inside mkdocs-material's search worker.
 *
 * The hook serves this file as assets/javascripts/lunr/min/lunr.ar.min.js, which
 * the worker loads through the theme (importScripts, or a <script> under the
 * offline iframe-worker), so it needs nothing over http. It mirrors
 * generator/arabic.py; the tables come from that module (generator/search.py
 * writes them in place of DATA), and tests/cases/arabic.yml runs against both.
 *
 * Indexing: each word is indexed folded and, when different, also under its
 * key (proclitics cut) with the same position, so a hit marks the whole word.
 * Querying: lunr skips the pipeline for the `*` terms Material sends, so every
 * query clause is reduced to its key where lunr.Query builds it.
 */
(function (root) {
  "use strict";
  var DATA = /*DATA*/ null;
  var remove = new RegExp(DATA.remove, "u");
  var spaces = new RegExp("[" + DATA.spaces + "]+", "gu");
  var proclitic = new RegExp(DATA.proclitic, "u");
  var latinStem = new RegExp(DATA.latin_stem, "u");

  /* DATA.fold holds every change fold_char makes, lowercasing included. */
  function foldChar(c) {
    if (remove.test(c)) return "";
    return Object.prototype.hasOwnProperty.call(DATA.fold, c) ? DATA.fold[c] : c;
  }

  function fold(text) {
    var out = "";
    for (var c of text) out += foldChar(c);
    return out.replace(spaces, " ");
  }

  function stripProclitics(word) {
    var m = proclitic.exec(word);
    if (!m) return word;
    var stem = word.slice(m[0].length);
    if ([...stem].length >= DATA.min_stem || latinStem.test(stem.charAt(0))) return stem;
    if ("وف".indexOf(word.charAt(0)) >= 0 && [...word].length - 1 >= DATA.min_stem) return word.slice(1);
    return word;
  }

  function key(word) {
    return stripProclitics(fold(word));
  }

  root.dossierArabic = { fold: fold, stripProclitics: stripProclitics, key: key };

  var lunr = root.lunr;
  if (!lunr) return;

  /* Index time: the folded word, then its key, both at the word's position. */
  function expand(token) {
    var folded = fold(token.toString()).trim();
    if (!folded) return null;
    var stem = stripProclitics(folded);
    var first = token.clone(function () { return folded; });
    if (stem === folded) return first;
    return [first, token.clone(function () { return stem; })];
  }
  lunr.Pipeline.registerFunction(expand, "dossierArabic");

  /* Query time: every clause, wildcard or not, searches for its key. */
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (c && typeof c.term === "string") {
      var m = /^(\**)([^]*?)(\**)$/.exec(c.term);
      var k = key(m[2]).trim();
      if (k) c.term = m[1] + k + m[3];
    }
    return clause.call(this, c);
  };

  /* Material calls this.use(lunr.ar) because search `lang` is ar. Like every lunr
   * language, it replaces lunr's English trimmer, stop words and stemmer, which
   * Material removes only for `en` (the trimmer would delete every Arabic word). */
  lunr.ar = function () {
    this.pipeline.reset();
    this.pipeline.add(expand);
    this.searchPipeline.reset();
  };
})(self);
