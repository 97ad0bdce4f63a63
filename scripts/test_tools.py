"""Make sure the machine has what `make test` needs besides Python packages, installing it where it can.

The tests drive a real Chromium (Playwright), check HTML with the Nu HTML Checker
(Java) and read two npm packages (Node.js and npm); pages in Arabic and Chinese
need fonts that cover those scripts. The site's own build needs none of these.

- On Debian or Ubuntu as root (or with password-free sudo, as on CI runners): installs
  what is missing with apt-get (chromium-headless-shell on Debian, fonts-noto-core,
  fonts-noto-cjk, default-jre-headless, nodejs, npm). The tests run in Chromium's headless
  shell (whotocall/browser.py), which takes about a quarter less CPU than the full browser;
  on Debian a full Chromium alone still works, more slowly, when nothing can be installed.
- A Chromium still missing (Ubuntu, macOS, ...) comes from Playwright's own installer
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

from whotocall.browser import HEADLESS_SHELL, chromium_path  # noqa: E402

CHROMIUM = "Chromium (browser tests)"
SHELL = "Chromium's headless shell (faster browser tests)"
FONTS = [Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"),
         Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")]


def missing() -> dict[str, list[str]]:
    """What is missing: {what it is: [Debian packages]}."""
    out = {}
    if not chromium_path() and not _playwright_chromium():
        out[CHROMIUM] = [HEADLESS_SHELL]
    elif _os_id() == "debian" and not os.environ.get("CHROMIUM") and HEADLESS_SHELL not in (chromium_path() or ""):
        out[SHELL] = [HEADLESS_SHELL]     # only a full Chromium here: it works, at about 4/3 the CPU
    if not shutil.which("java"):
        out["Java (the Nu HTML Checker)"] = ["default-jre-headless"]
    if not shutil.which("npm") or not shutil.which("node"):
        out["Node.js and npm (vnu-jar, iframe-worker)"] = ["nodejs", "npm"]
    if _apt() and not all(font.exists() for font in FONTS):
        out["Noto fonts for Arabic and Chinese pages"] = ["fonts-noto-core", "fonts-noto-cjk"]
    return out


def main() -> int:
    needed = missing()
    if not needed:
        return 0
    admin = _admin()
    # Debian's own chromium package is a real browser; Ubuntu's is a snap stub, so there Playwright's is used.
    from_apt = {what: packages for what, packages in needed.items() if what != CHROMIUM or _os_id() == "debian"}
    if _apt() and admin is not None and from_apt:
        packages = [package for group in from_apt.values() for package in group]
        print(f"make test: installing {', '.join(from_apt)} with apt-get ({' '.join(packages)})", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([*admin, "apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run([*admin, "apt-get", "install", "-y", "-qq", *packages], check=True,
                       env=env, stdout=subprocess.DEVNULL)
        needed = missing()
    if CHROMIUM in needed:
        print("make test: no Chromium found; trying Playwright's installer", flush=True)
        command = [sys.executable, "-m", "playwright", "install", "chromium"]
        if admin is not None and _apt():
            command.insert(4, "--with-deps")    # the libraries Chromium needs, from apt
        if subprocess.run(command).returncode == 0:
            needed = missing()
    if SHELL in needed:
        print(f"make test: {HEADLESS_SHELL} is not installed; the browser tests run in the full Chromium, "
              f"more slowly (`sudo apt-get install {HEADLESS_SHELL}` to speed them up)", file=sys.stderr)
        del needed[SHELL]
    if needed:
        what = ", ".join(needed)
        if list(needed) == [CHROMIUM]:
            fix = f"{sys.executable} -m playwright install --with-deps chromium"
        elif _apt():
            fix = f"sudo apt-get install {' '.join(p for group in needed.values() for p in group)}"
        else:
            fix = f"install {what} with your system's package manager"
        print(f"make test needs {what}: run `{fix}`, then `make test` again.", file=sys.stderr)
        return 1
    return 0


# --- Helper functions --------------------------------------------------------

def _apt() -> bool:
    """Debian or Ubuntu (or another system with apt-get)."""
    return Path("/etc/debian_version").exists() and shutil.which("apt-get") is not None


def _os_id() -> str:
    """ID from /etc/os-release: debian, ubuntu, ..."""
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("ID="):
                return line[3:].strip('"')
    except OSError:
        pass
    return ""


def _admin():
    """[] as root, ["sudo", "-n"] where sudo needs no password (CI runners), else None."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


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
