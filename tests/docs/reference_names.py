#!/usr/bin/env python3
"""Every public name of the library appears in docs/reference.md.

    python3 tests/docs/reference_names.py [--list]

Reads each public header include/novu/**/*.hpp (not under detail/ or impl/) and collects what
it declares outside any `detail` namespace: namespace-level types, aliases, functions and
variables, and the public members of public classes (member functions, nested types and
aliases, data members). Constructors, destructors, operators and enumerators are not counted
(the enumerators are listed in the reference's tables, their enum by name).

A name counts as documented when docs/reference.md shows it in a code span (`...`), a heading
or a code block: as a whole word, except that a one-word function (`config`, `remove`) must be
shown called, `config()` or `config(...`. Prints each missing name with the header and
line that declares it and exits 1 when one is missing; `--list` prints every name found.
The headers follow .clang-format, which this reader relies on only loosely: it tracks braces,
strips comments, strings and preprocessor lines, and reads declarations up to `;` or `{`.
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "include"
REFERENCE = ROOT / "docs" / "reference.md"

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
KEYWORDS = {
    "const", "constexpr", "inline", "static", "virtual", "explicit", "noexcept", "override", "final",
    "typename", "template", "unsigned", "signed", "long", "short", "int", "char", "bool", "void",
    "double", "float", "auto", "struct", "class", "enum", "union", "mutable", "volatile", "friend",
    "extern", "decltype", "sizeof", "return", "default", "delete", "operator", "public", "private",
    "protected", "using", "namespace", "typedef", "static_assert", "std", "NOVU_CC_API",
}


def strip(text):
    """Source text without comments, string and character literals, or preprocessor lines,
    keeping line breaks so line numbers stay right."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        elif c == "#" and (i == 0 or text[i - 1] == "\n" or text[:i].rstrip(" \t").endswith("\n")):
            j = i
            while True:  # a preprocessor line, with its continuations
                k = text.find("\n", j)
                if k < 0:
                    j = n
                    break
                if text[k - 1] == "\\":
                    j = k + 1
                    continue
                j = k
                break
            out.append("\n" * text.count("\n", i, j))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def depth0(text, opening="(<[", closing=")>]"):
    """`text` with everything inside (), <> and [] removed (the brackets kept)."""
    out = []
    depth = 0
    for c in text:
        if c in closing and depth > 0:
            depth -= 1
            if depth == 0:
                out.append(c)
            continue
        if depth == 0:
            out.append(c)
        if c in opening:
            depth += 1
    return "".join(out)


# Macros that open or close the library's namespace, in front of a declaration's text.
MACRO_PREFIX = re.compile(r"^(?:(?:NOVU_CC_NAMESPACE_BEGIN|NOVU_CC_NAMESPACE_END)\s*)+")


def declared_name(decl, scope_name):
    """(kind, name) of one declaration's text, or None for what is not counted."""
    decl = MACRO_PREFIX.sub("", re.sub(r"\s+", " ", decl).strip())
    decl = re.sub(r"^(template ?<.*?> ?)+", "", decl) if decl.startswith("template") else decl
    while decl.startswith("template"):  # nested template parameter lists
        decl = depth0(decl)[len("template<>"):].strip() if decl.startswith("template<") else decl[8:].strip()
    decl = re.sub(r"\[\[[^\]]*\]\] ?", "", decl).replace("NOVU_CC_API ", "")
    if not decl or decl.startswith(("friend", "static_assert", "using namespace", "namespace", "public",
                                    "private", "protected", "typedef", "return", "extern template",
                                    "template class", "template struct")):
        return None
    m = re.match(r"(?:enum (?:class |struct )?)(\w+)", decl)
    if m:
        return ("type", m.group(1))
    m = re.match(r"(?:struct|class|union) (\w+)", decl)
    if m:
        return ("type", m.group(1))
    m = re.match(r"using (\w+) ?=", decl)
    if m:
        return ("type", m.group(1))
    if decl.startswith("using "):
        return None  # using-declaration
    if "operator" in decl.split("(")[0]:
        return None
    flat = depth0(decl)
    paren = flat.find("(")
    eq = flat.find("=")
    brace = flat.find("{")
    if paren >= 0 and (eq < 0 or paren < eq) and (brace < 0 or paren < brace):
        head = flat[:paren].rstrip()
        names = IDENT.findall(head)
        if not names:
            return None
        name = names[-1]
        if name == scope_name or head.endswith("~" + name) or name in KEYWORDS:
            return None
        return ("function", name)
    cut = len(flat)
    for mark in ("=", "{", "["):
        k = flat.find(mark)
        if 0 <= k < cut:
            cut = k
    words = IDENT.findall(flat[:cut])
    if len(words) < 2 or words[-1] in KEYWORDS:
        return None  # a lone word: not a declaration
    return ("variable", words[-1])


def public_names(path):
    """[(qualified name, kind, line)] that header `path` declares publicly."""
    text = strip(path.read_text())
    found = []
    # Scope stack entries: (kind, name, access) with kind in namespace, class, enum, block.
    stack = [("namespace", "", "public")]
    start = 0  # start of the current declaration's text
    i = 0
    n = len(text)

    def visible():
        for kind, name, access in stack:
            if kind == "namespace" and name == "detail":
                return False
            if kind in ("enum", "block"):
                return False
            if kind in ("class", "enumlike") and access != "public":
                return False
        return True

    def qualified(name):
        classes = [s[1] for s in stack if s[0] in ("class", "enumlike")]
        return "::".join(classes + [name])

    def record(decl, at):
        if not visible():
            return
        scope_name = stack[-1][1] if stack[-1][0] in ("class", "enumlike") else ""
        got = declared_name(decl, scope_name)
        if got and stack[-1][0] == "enumlike" and got[0] == "variable" and got[1] != "known_values":
            return
        if got:
            line = text.count("\n", 0, at) + 1
            found.append((qualified(got[1]), got[0], line))

    paren = 0
    while i < n:
        c = text[i]
        if c == "(":
            paren += 1
        elif c == ")":
            paren -= 1
        elif paren > 0:
            pass  # braces inside parentheses: default arguments, lambdas
        elif paren == 0 and c == ";":
            record(text[start:i], start + len(text[start:i]) - len(text[start:i].lstrip()))
            start = i + 1
        elif paren == 0 and c == ":" and stack[-1][0] in ("class", "enumlike"):
            m = re.search(r"\b(public|private|protected)\s*$", text[start:i])
            if m and text[i + 1:i + 2] != ":":
                stack[-1] = (stack[-1][0], stack[-1][1], m.group(1))
                start = i + 1
        elif c == "{":
            decl = MACRO_PREFIX.sub("", re.sub(r"\s+", " ", text[start:i]).strip())
            at = start + len(text[start:i]) - len(text[start:i].lstrip())
            m_ns = re.match(r"^(?:inline )?namespace (\w+)?", decl)
            m_cls = re.match(r"^(?:template ?<.*> ?)?(struct|class|union) (?:\[\[[^\]]*\]\] )?(\w+)(?!.*\()", decl)
            m_enum = re.match(r"^enum (?:class |struct )?(\w+)", decl)
            if m_ns and paren == 0:
                stack.append(("namespace", m_ns.group(1) or "", "public"))
            elif m_cls and paren == 0 and "=" not in depth0(decl):
                record(decl, at)
                # The named constants of an open enum (channel_type::chat...) are its values, like
                # enumerators: the reference names the enum and `known_values`.
                kind = "enumlike" if "open_enum<" in decl else "class"
                stack.append((kind, m_cls.group(2), "private" if m_cls.group(1) == "class" else "public"))
            elif m_enum and paren == 0:
                record(decl, at)
                stack.append(("enum", m_enum.group(1), "public"))
            else:
                if stack[-1][0] in ("namespace", "class", "enumlike"):
                    record(decl, at)
                stack.append(("block", "", "public"))
                # Skip the block whole: function bodies, initializers, lambdas.
                depth = 1
                j = i + 1
                while j < n and depth:
                    depth += {"{": 1, "}": -1}.get(text[j], 0)
                    j += 1
                stack.pop()
                i = j
                start = i
                # `T name{...};` and `x = {...};` leave a ';' that ends nothing new.
                k = i
                while k < n and text[k] in " \t\n":
                    k += 1
                if k < n and text[k] == ";":
                    start = k + 1
                    i = k + 1
                continue
            start = i + 1
        elif c == "}":
            if len(stack) > 1:
                stack.pop()
            start = i + 1
            k = i + 1
            while k < n and text[k] in " \t\n":
                k += 1
            if k < n and text[k] == ";":  # the ';' after a class
                start = k + 1
                i = k
        i += 1
    return found


def documented_spans(reference):
    """Text of every code span and heading of the reference."""
    spans = re.findall(r"`([^`]+)`", re.sub(r"```.*?```", "", reference, flags=re.S))
    spans += re.findall(r"^#+ (.*)$", reference, flags=re.M)
    blocks = re.findall(r"```[a-z+]*\n(.*?)```", reference, flags=re.S)
    return "\n".join(spans + blocks)


def is_documented(qualified, kind, spans):
    name = qualified.split("::")[-1]
    word = r"(?<![A-Za-z0-9_])" + re.escape(name)
    if re.search(word + r"\(", spans):
        return True
    # A one-word function (config, remove, put) must be shown called; a longer name may be
    # named alone (`parse_list_response`), as may a type or a variable.
    if kind == "function" and "_" not in name:
        return False
    return re.search(word + r"(?![A-Za-z0-9_])", spans) is not None


def main():
    headers = sorted(p for p in INCLUDE.rglob("*.hpp")
                     if "detail" not in p.relative_to(INCLUDE).parts and "impl" not in p.relative_to(INCLUDE).parts)
    spans = documented_spans(REFERENCE.read_text())
    seen = {}
    for header in headers:
        for qualified, kind, line in public_names(header):
            seen.setdefault((qualified, kind), (header.relative_to(ROOT), line))
    if "--list" in sys.argv:
        for (qualified, kind), (header, line) in sorted(seen.items()):
            print(f"{kind:9} {qualified}  ({header}:{line})")
    missing = [(q, k, where) for (q, k), where in sorted(seen.items()) if not is_documented(q, k, spans)]
    for qualified, kind, (header, line) in missing:
        shown = qualified + ("()" if kind == "function" else "")
        print(f"FAIL {header}:{line}: {kind} {shown} is not in docs/reference.md")
    print(f"{len(seen)} public names in {len(headers)} headers, {len(seen) - len(missing)} in docs/reference.md, "
          f"{len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
