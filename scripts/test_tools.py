"""Make sure the machine has what `make test` needs besides Python packages, installing it where it can.

The tests drive a real Chromium (Playwright), check HTML with the Nu HTML Checker
(Java) and read two npm packages (Node.js and npm); pages in Arabic and Chinese
need fonts that cover those scripts. The site's own build needs none of these.

- On Debian or Ubuntu as root: installs what is missing with apt-get, as CI does
  (chromium, fonts-noto-core, fonts-noto-cjk, default-jre-headless, nodejs, npm).
- Elsewhere, a missing Chromium comes from Playwright's own installer
  (`python -m playwright install chromium`) when its download host answers.
- Otherwise it stops with one line naming the command to run.

Usage: python scripts/test_tools.py
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whotocall.browser import chromium_path  # noqa: E402

# What each tool is for, the command that must exist, and the Debian packages that provide it.
FONTS = [Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"),
         Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")]


def missing() -> dict[str, list[str]]:
    """What is missing: {what it is: [Debian packages]}."""
    out = {}
    if not chromium_path() and not _playwright_chromium():
        out["Chromium (browser tests)"] = ["chromium"]
    if not shutil.which("java"):
        out["Java (the Nu HTML Checker)"] = ["default-jre-headless"]
    if not shutil.which("npm") or not shutil.which("node"):
        out["Node.js and npm (vnu-jar, iframe-worker)"] = ["nodejs", "npm"]
    if _is_debian() and not all(font.exists() for font in FONTS):
        out["Noto fonts for Arabic and Chinese pages"] = ["fonts-noto-core", "fonts-noto-cjk"]
    return out


def main() -> int:
    needed = missing()
    if not needed:
        return 0
    packages = [package for group in needed.values() for package in group]
    if _is_debian() and os.geteuid() == 0:
        print(f"make test: installing {', '.join(needed)} with apt-get ({' '.join(packages)})", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        needed = missing()
    elif "Chromium (browser tests)" in needed:
        print("make test: no Chromium found; trying Playwright's installer", flush=True)
        result = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"])
        if result.returncode == 0:
            needed.pop("Chromium (browser tests)", None)
    if needed:
        what = ", ".join(needed)
        if _is_debian():
            fix = f"sudo apt-get install {' '.join(p for group in needed.values() for p in group)}"
        else:
            fix = (f"{sys.executable} -m playwright install chromium" if list(needed) == ["Chromium (browser tests)"]
                   else "install " + what + " with your system's package manager")
        print(f"make test needs {what}: run `{fix}`, then `make test` again.", file=sys.stderr)
        return 1
    return 0


# --- Helper functions --------------------------------------------------------

def _is_debian() -> bool:
    return Path("/etc/debian_version").exists() and shutil.which("apt-get") is not None


def _playwright_chromium() -> bool:
    """Playwright's own Chromium, if its installer has put one on this machine."""
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            return Path(p.chromium.executable_path).exists()
    except Exception:     # not installed or not startable: treated as missing
        return False


if __name__ == "__main__":
    sys.exit(main())
