#!/usr/bin/env python3
"""Runs SwiftPM for meson: `build` compiles one product and copies it to meson's output path,
`test` runs the SwiftPM test suite. Both use the same scratch path inside the meson build
directory, so nothing is written to the source tree except SwiftPM's own Package.resolved.

With --vendor-dir the build is hermetic: every dependency must be a git clone in that folder,
named like the last component of its URL (…/apple/swift-argument-parser → swift-argument-parser,
or swift-argument-parser.git for a bare repository);
SwiftPM is pointed at those clones through mirrors.json, and its configuration, cache and security
folders live in the build directory, so no network and no writable $HOME are needed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys


def log(message):
    print(f"swiftpm.py: {message}", file=sys.stderr, flush=True)


def dependency_urls(swift, source_dir, scratch):
    """Remote URLs of the package's direct dependencies, read from the manifest (no network)."""
    out = subprocess.run(
        [swift, "package", "--package-path", source_dir, "--scratch-path", scratch, "dump-package"],
        check=True, stdout=subprocess.PIPE, text=True).stdout
    urls = []
    for dep in json.loads(out).get("dependencies", []):
        for scm in dep.get("sourceControl", []):
            for remote in scm.get("location", {}).get("remote", []):
                urls.append(remote["urlString"] if isinstance(remote, dict) else remote)
    return urls


def hermetic_flags(args, scratch):
    """Writes mirrors.json for the vendored clones; returns the extra SwiftPM flags."""
    vendor = os.path.abspath(args.vendor_dir)
    state = os.path.join(os.path.dirname(scratch), "swiftpm-state")
    config = os.path.join(state, "configuration")
    os.makedirs(config, exist_ok=True)
    mirrors = []
    for url in dependency_urls(args.swift, args.source_dir, scratch):
        name = url.rstrip("/").rsplit("/", 1)[-1]
        if name.endswith(".git"):
            name = name[:-4]
        candidates = [os.path.join(vendor, name), os.path.join(vendor, name + ".git")]
        clone = next((c for c in candidates if os.path.exists(os.path.join(c, ".git"))
                      or os.path.exists(os.path.join(c, "HEAD"))), None)
        if clone is None:
            log(f"{url} is not vendored: expected a git clone (or bare repository) at {candidates[0]}")
            sys.exit(1)
        mirrors.append({"original": url, "mirror": clone})
    with open(os.path.join(config, "mirrors.json"), "w") as f:
        json.dump({"object": mirrors, "version": 1}, f, indent=2)
    flags = ["--config-path", config,
             "--cache-path", os.path.join(state, "cache"),
             "--security-path", os.path.join(state, "security"),
             "--disable-dependency-cache"]
    if os.path.exists(os.path.join(args.source_dir, "Package.resolved")):
        # The pins decide; a pin the vendored clones cannot satisfy is an error, not an update.
        flags.append("--disable-automatic-resolution")
    return flags


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["build", "test"])
    parser.add_argument("--swift", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--scratch-path", required=True)
    parser.add_argument("--configuration", default="release", choices=["debug", "release"])
    parser.add_argument("--product", default="dramatis")
    parser.add_argument("--output", help="where `build` copies the product")
    parser.add_argument("--static-swift-stdlib", action="store_true")
    parser.add_argument("--vendor-dir", default="")
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("extra", nargs="*", help="more arguments for swift build/test")
    args = parser.parse_args()

    scratch = os.path.abspath(args.scratch_path)
    common = ["--package-path", args.source_dir, "--scratch-path", scratch]
    if args.vendor_dir:
        common += hermetic_flags(args, scratch)
    if args.jobs > 0:
        common += ["--jobs", str(args.jobs)]

    # With mirrors SwiftPM rewrites the pins of Package.resolved to the local clones; put the
    # file back as it was, so that a vendored build leaves the source tree untouched.
    resolved = os.path.join(args.source_dir, "Package.resolved")
    saved = None
    if args.vendor_dir and os.path.exists(resolved):
        with open(resolved, "rb") as f:
            saved = f.read()
    try:
        sys.exit(run(args, common, parser))
    finally:
        if args.vendor_dir:
            if saved is not None:
                with open(resolved, "wb") as f:
                    f.write(saved)
            elif os.path.exists(resolved):
                os.remove(resolved)


def run(args, common, parser):
    if args.mode == "test":
        cmd = [args.swift, "test"] + common + args.extra
        log(" ".join(cmd))
        return subprocess.run(cmd).returncode

    if not args.output:
        parser.error("build needs --output")
    flags = common + ["-c", args.configuration, "--product", args.product]
    if args.static_swift_stdlib:
        flags.append("--static-swift-stdlib")
    cmd = [args.swift, "build"] + flags + args.extra
    log(" ".join(cmd))
    status = subprocess.run(cmd).returncode
    if status != 0:
        return status
    bin_dir = subprocess.run([args.swift, "build"] + flags + ["--show-bin-path"],
                             check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    product = os.path.join(bin_dir, args.product)
    tmp = args.output + ".tmp"
    shutil.copy2(product, tmp)
    os.replace(tmp, args.output)
    return 0


if __name__ == "__main__":
    main()
