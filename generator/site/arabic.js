/* Arabic folding for the dossier's search worker: generator/arabic.py in JavaScript.
 *
 * generator/site/searchsite.py puts this file first in the search worker (served at the path of
 * Material's own worker; loaded with importScripts, or a <script> under the offline
 * iframe-worker shim). It mirrors generator/arabic.py; the tables come from that module
 * (generator/site/search.py writes them in place of DATA), and tests/cases/arabic.yml runs against both.
 * The index (generator/site/searchindex.py) and the worker fold words with it, so a query and
 * the text meet whatever hamza, ta marbuta, diacritics or proclitics either carries.
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
})(self);
