// The pieces of the portable path's JS callers (`Portable.makeCaller`):
// source text of a function `(a0, a1, ...) => ...` calling a Wasm export.

// The argument expressions for parameter codes: i64 as BigInt, a missing
// reference as null.
function argList(codes) {
  return [...codes]
    .map((c, i) => (c === "I" ? `BigInt(a${i})` : c === "r" || c === "x" ? `(a${i} === undefined ? null : a${i})` : `a${i}`))
    .join(", ");
}

// The result `r`, or its element k when there are several.
const resultAt = (k, results) => (results.length === 1 ? "r" : `r[${k}]`);

// Statements calling `callee(args)`, applying `fixes` to its result `r` (an
// array when there are several results) and returning it.
function callAndReturn(callee, args, results, fixes) {
  if (results.length === 0) return `${callee}(${args}); return undefined;`;
  const call = results.length > 1 ? `Array.from(${callee}(${args}))` : `${callee}(${args})`;
  return `let r = ${call}; ${fixes.join(" ")} return r;`;
}

// Float result k as its bits, `[bits]`, when it is a NaN (whose bits its
// NaN-safe adapter kept in `nan[k]`) or -0: Pyodide hands Python an integral
// number, -0 included, as an int, so bits alone would read as a value.
function specialAsBits(k, results) {
  const r = resultAt(k, results);
  const negZero = results[k] === "f" ? "-2147483648" : "-9223372036854775808n";
  return `if (${r} !== ${r}) ${r} = [nan[${k}].value]; else if (Object.is(${r}, -0)) ${r} = [${negZero}];`;
}
