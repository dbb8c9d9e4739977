"""hainstall call back, run by node-prep.sh when the node has python3 (every cloud-init stub has it).

Posts the node's prep status and host-key fingerprints to CALLBACK_URL, proving the node's one-time token with an
HMAC-SHA256 over "POST\\nPATH\\nTIMESTAMP\\nBODY" (docs/INTERFACES.md, "Call back"). The token is read from its file
here, in this process: it is never in any process's argv or environment, and never sent. A node whose clock is off
(a physical machine's RTC may be hours wrong) is told the installer's time once and signs again with it.

Input (environment, none of it secret): CALLBACK_URL, NODE_NAME, PREP_STATUS, TOKEN_FILE, HAINSTALL_ROOT (tests),
HAINSTALL_CALLBACK_TRIES, HAINSTALL_CALLBACK_PAUSE, NODE_PREP_LOG. Exit 0 when the installer has the call back,
1 when it refused it or could not be reached.
"""
import base64
import glob
import hashlib
import hmac
import json
import os
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SERVER_TIME_HEADER = "X-Hainstall-Server-Time"


def log(message):
    line = "%s node-prep: %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), message)
    sys.stderr.write(line)
    sys.stderr.flush()
    log_file = os.environ.get("NODE_PREP_LOG")
    if log_file:
        with open(log_file, "a", encoding="utf-8") as f:
            f.write(line)


def fingerprints(root):
    """SHA256:... of each host key sshd will serve, as ssh-keygen -l prints it."""
    result = []
    for pub in sorted(glob.glob(root + "/etc/ssh/ssh_host_*_key.pub")):
        with open(pub, encoding="ascii") as f:
            blob = base64.b64decode(f.read().split()[1])
        result.append("SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("="))
    return result


def post(url, path, key, body_fields, timestamp):
    body = json.dumps(dict(body_fields, timestamp=str(timestamp), nonce=secrets.token_hex(16)),
                      separators=(",", ":")).encode("utf-8")
    signed = ("POST\n%s\n%d\n" % (path, timestamp)).encode("utf-8") + body
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json",
        "X-Hainstall-Timestamp": str(timestamp),
        "X-Hainstall-Signature": hmac.new(key, signed, hashlib.sha256).hexdigest(),
    })
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, None
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get(SERVER_TIME_HEADER)


def main():
    url = os.environ["CALLBACK_URL"]
    path = urllib.parse.urlsplit(url).path
    with open(os.environ["TOKEN_FILE"], encoding="ascii") as f:
        key = f.read().strip().encode("ascii")
    fields = {"node": os.environ["NODE_NAME"], "prepStatus": os.environ["PREP_STATUS"],
              "hostKeyFingerprints": fingerprints(os.environ.get("HAINSTALL_ROOT", ""))}
    tries = int(os.environ.get("HAINSTALL_CALLBACK_TRIES", "60"))
    pause = float(os.environ.get("HAINSTALL_CALLBACK_PAUSE", "5"))
    offset = 0
    for attempt in range(1, tries + 1):
        try:
            code, server_time = post(url, path, key, fields, int(time.time()) + offset)
            if code == 400 and server_time is not None and offset == 0:
                offset = int(server_time) - int(time.time())
                log("this node's clock is %d s off the installer's: signing again with the installer's time" % offset)
                code, server_time = post(url, path, key, fields, int(time.time()) + offset)
        except (OSError, ValueError) as e:
            log("call back to %s failed (attempt %d): %s; retrying" % (url, attempt, getattr(e, "reason", e)))
            time.sleep(pause)
            continue
        if code == 200:
            log("called back: accepted (%s)" % fields["prepStatus"])
            return 0
        if code == 409:
            log("called back before: the installer already has this node's call back")
            return 0
        log("call back rejected with HTTP %d: see the installer's report" % code)
        return 1
    log("gave up calling back after %d attempts: the installer at %s cannot be reached from here" % (tries, url))
    return 1


if __name__ == "__main__":
    sys.exit(main())
