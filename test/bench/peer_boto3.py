"""Peer for the IAM Access Keys benchmark: what a user without the extension runs, in boto3.

A long-lived worker driven by test/bench/run.ts: one JSON command per stdin line, one JSON
answer per stdout line. Each operation is timed inside Python (time.perf_counter), so the
interpreter's start-up and `import boto3` are measured once, separately (the "ready" line),
and not charged to every operation. Uses boto3 when installed, else botocore's own client
(botocore ships with the aws CLI). Only ever talks to the endpoint URL it is given (the local
emulator on 127.0.0.1); credentials come from the environment (fake emulator test keys).
Exits when stdin closes.
"""
import json
import re
import sys
import time

_t0 = time.perf_counter()
try:
    import boto3

    _session = boto3.session.Session()

    def _make(service, url):
        return _session.client(service, endpoint_url=url, region_name="us-east-1")

    FLAVOUR = "boto3 %s" % boto3.__version__
except ImportError:  # pragma: no cover - depends on the machine
    import botocore
    import botocore.session

    _bsession = botocore.session.get_session()

    def _make(service, url):
        return _bsession.create_client(service, endpoint_url=url, region_name="us-east-1")

    FLAVOUR = "botocore %s (boto3 not installed)" % botocore.__version__
IMPORT_MS = (time.perf_counter() - _t0) * 1000.0

_clients = {}


def clients(url):
    if url not in _clients:
        _clients[url] = (_make("iam", url), _make("sts", url))
    return _clients[url]


def op_client(cmd):
    t = time.perf_counter()
    clients(cmd["url"])
    return {"ms": (time.perf_counter() - t) * 1000.0}


def op_warm(cmd):
    iam, sts = clients(cmd["url"])
    t = time.perf_counter()
    iam.list_users(MaxItems=1)
    iam.list_access_keys(UserName="demo-admin")
    sts.get_caller_identity()
    return {"ms": (time.perf_counter() - t) * 1000.0}


def op_pages(cmd):
    """First page of users, then `pages - 1` more, MaxItems each: the tree's "Load more"."""
    iam, _ = clients(cmd["url"])
    t = time.perf_counter()
    marker, count = None, 0
    for _ in range(cmd["pages"]):
        kwargs = {"MaxItems": cmd["maxItems"]}
        if marker:
            kwargs["Marker"] = marker
        page = iam.list_users(**kwargs)
        count += len(page["Users"])
        marker = page.get("Marker") if page.get("IsTruncated") else None
        if not marker:
            break
    return {"ms": (time.perf_counter() - t) * 1000.0, "count": count}


def op_all_users(cmd):
    """Every user through boto3's paginator (PageSize None = IAM's default of 100)."""
    iam, _ = clients(cmd["url"])
    t = time.perf_counter()
    config = {"PageSize": cmd["pageSize"]} if cmd.get("pageSize") else {}
    count = 0
    for page in iam.get_paginator("list_users").paginate(PaginationConfig=config):
        count += len(page["Users"])
    return {"ms": (time.perf_counter() - t) * 1000.0, "count": count}


def op_keys_seq(cmd):
    """The usual script: for each user (paginated), list its keys (paginated), one at a time."""
    iam, _ = clients(cmd["url"])
    limit = cmd.get("limitUsers")
    t = time.perf_counter()
    users = keys = 0
    for page in iam.get_paginator("list_users").paginate():
        for user in page["Users"]:
            if limit is not None and users >= limit:
                break
            users += 1
            for kp in iam.get_paginator("list_access_keys").paginate(UserName=user["UserName"]):
                keys += len(kp["AccessKeyMetadata"])
        if limit is not None and users >= limit:
            break
    return {"ms": (time.perf_counter() - t) * 1000.0, "count": keys, "users": users}


def op_hover(cmd):
    """Who owns a key ID, with status and last use: the same three calls the hover makes."""
    iam, sts = clients(cmd["url"])
    t = time.perf_counter()
    account = sts.get_access_key_info(AccessKeyId=cmd["keyId"])["Account"]
    last = iam.get_access_key_last_used(AccessKeyId=cmd["keyId"])
    user = last["UserName"]
    keys = iam.list_access_keys(UserName=user)["AccessKeyMetadata"]
    found = [k for k in keys if k["AccessKeyId"] == cmd["keyId"]]
    return {"ms": (time.perf_counter() - t) * 1000.0, "count": len(found), "account": account, "user": user}


# Same pattern as src/core/accessKeyIds.ts (AKIA/ASIA + 16, other unique-ID prefixes + 16..17).
_OTHER = "IDA|ROA|GPA|IPA|NPA|NVA|PKA|BIA|CCA|SCA|AGA"
ID_RE = re.compile(r"(?<![A-Za-z0-9])A(?:(?:KIA|SIA)[A-Z0-9]{16}|(?:%s)[A-Z0-9]{16,17})(?![A-Za-z0-9])" % _OTHER)


def op_regex(cmd):
    with open(cmd["file"], "r", encoding="utf-8") as f:
        text = f.read()
    t = time.perf_counter()
    count = sum(1 for _ in ID_RE.finditer(text))
    return {"ms": (time.perf_counter() - t) * 1000.0, "count": count}


OPS = {
    "client": op_client,
    "warm": op_warm,
    "pages": op_pages,
    "all_users": op_all_users,
    "keys_seq": op_keys_seq,
    "hover": op_hover,
    "regex": op_regex,
}


def main():
    print(json.dumps({"ready": True, "flavour": FLAVOUR, "importMs": IMPORT_MS, "python": sys.version.split()[0]}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        cmd = json.loads(line)
        try:
            answer = OPS[cmd["op"]](cmd)
        except Exception as error:  # report, keep serving
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
