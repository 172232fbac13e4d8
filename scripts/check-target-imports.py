#!/usr/bin/env python3
"""Checks that each Swift target in Package.swift depends on exactly what its sources import.

For every target with Swift sources, the modules named by `import` lines (plain, `@testable`,
`@preconcurrency`, `import struct M.T`) are compared with the target's `dependencies:` list (target
names and product names). Modules of the toolchain (Foundation, XCTest, Glibc, …) are not
dependencies and are left out. Prints each difference and exits 1 when there is one.

    scripts/check-target-imports.py [PACKAGE_DIR]
"""
import os
import re
import sys

# Modules the toolchain or the OS provides: imported, never listed as dependencies.
SYSTEM_MODULES = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "XCTest", "Testing",
    "Dispatch", "Glibc", "Musl", "Darwin", "os", "Synchronization", "PackageDescription", "_Concurrency",
    "Observation", "RegexBuilder", "CoreFoundation", "Android",
}

IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+(?:(?:struct|class|enum|protocol|typealias|func|let|var)\s+)?([A-Za-z_][A-Za-z0-9_]*)",
                    re.MULTILINE)


def balanced(text, start, opening, closing):
    """The text from `start` (an opening bracket) to its matching closing one, strings skipped."""
    depth, index, in_string = 0, start, False
    while index < len(text):
        char = text[index]
        if in_string:
            if char == "\\":
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return text[start + 1:index]
        index += 1
    raise ValueError("unbalanced %s in Package.swift" % opening)


def argument(body, label, opening="[", closing="]"):
    match = re.search(r"\b%s:\s*\%s" % (label, opening), body)
    return balanced(body, match.end() - 1, opening, closing) if match else None


def targets(manifest):
    # Whole-line comments only: URLs in strings hold `//`.
    manifest = "\n".join(line for line in manifest.splitlines() if not line.strip().startswith("//"))
    for match in re.finditer(r"\.(target|executableTarget|testTarget)\(", manifest):
        body = balanced(manifest, match.end() - 1, "(", ")")
        name = re.search(r'name:\s*"([^"]+)"', body).group(1)
        path = re.search(r'\bpath:\s*"([^"]+)"', body)
        dependencies_text = argument(body, "dependencies") or ""
        # A product is named by its `name:`; a target by its string.
        products = re.findall(r'\.product\(\s*name:\s*"([^"]+)"', dependencies_text)
        plain = re.findall(r'"([^"]+)"', re.sub(r"\.product\([^)]*\)", "", dependencies_text))
        excluded = re.findall(r'"([^"]+)"', argument(body, "exclude") or "")
        default = ("Tests/" if match.group(1) == "testTarget" else "Sources/") + name
        yield name, path.group(1) if path else default, set(products) | set(plain), excluded


def imports(directory, excluded):
    found = set()
    for root, dirs, files in os.walk(directory):
        relative = os.path.relpath(root, directory)
        dirs[:] = [d for d in dirs if os.path.normpath(os.path.join(relative, d)) not in excluded]
        for file in files:
            if file.endswith(".swift") and os.path.normpath(os.path.join(relative, file)) not in excluded:
                with open(os.path.join(root, file), encoding="utf-8") as source:
                    # Multi-line string literals (a Python server's source in a fixture) are not imports.
                    text = re.sub(r'#*"""(.*?)"""#*', "", source.read(), flags=re.DOTALL)
                    found |= set(IMPORT.findall(text))
    return found


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    with open(os.path.join(package, "Package.swift"), encoding="utf-8") as manifest:
        declared = list(targets(manifest.read()))
    problems = 0
    checked = 0
    for name, path, dependencies, excluded in declared:
        directory = os.path.join(package, path)
        if not any(f.endswith(".swift") for _, _, files in os.walk(directory) for f in files):
            continue  # a C target: its dependencies are headers and libraries
        checked += 1
        used = imports(directory, {os.path.normpath(e) for e in excluded}) - SYSTEM_MODULES - {name}
        for module in sorted(used - dependencies):
            print("%s imports %s, which is not in its dependencies" % (name, module))
            problems += 1
        for module in sorted(dependencies - used):
            print("%s lists %s, which none of its sources imports" % (name, module))
            problems += 1
    print("%d targets checked, %d difference%s" % (checked, problems, "" if problems == 1 else "s"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
