"""Sequential boto3 loop over an organization, as a Prowler-style script does it: ListAccounts,
then per active account AssumeRole and
  - mode "export" (default): ListUsers and ListAccessKeys per user;
  - mode "export-last-used": the same plus GetAccessKeyLastUsed per key (what our export reads);
  - mode "attention": GenerateCredentialReport until COMPLETE (asked again at once, no sleep:
    the peer's best case), GetCredentialReport, then ListAccessKeys for each user the report
    shows with an active key (to name the keys, as our result does).
Talks only to the endpoint URL given (the local organization emulator); credentials are the
emulator's fake keys from the environment. Prints one JSON line: accounts, keys, calls, seconds."""
import csv
import io
import json
import sys
import time

import boto3

url, role = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "export"
session = boto3.session.Session(region_name="us-east-1")
t0 = time.perf_counter()
orgs = session.client("organizations", endpoint_url=url)
sts = session.client("sts", endpoint_url=url)
calls = accounts = keys = 0
for page in orgs.get_paginator("list_accounts").paginate():
    calls += 1
    for account in page["Accounts"]:
        if account["Status"] != "ACTIVE":
            continue
        calls += 1
        try:
            creds = sts.assume_role(RoleArn="arn:aws:iam::%s:role/%s" % (account["Id"], role), RoleSessionName="bench")["Credentials"]
        except Exception:  # denied accounts (and the management account, which has no such role) are skipped
            continue
        accounts += 1
        iam = session.client("iam", endpoint_url=url, aws_access_key_id=creds["AccessKeyId"],
                             aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        if mode == "attention":
            while True:
                calls += 1
                if iam.generate_credential_report()["State"] == "COMPLETE":
                    break
            calls += 1
            report = iam.get_credential_report()["Content"].decode("utf-8")
            for row in csv.DictReader(io.StringIO(report)):
                if row["user"] == "<root_account>":
                    continue
                if row["access_key_1_active"] == "true" or row["access_key_2_active"] == "true":
                    calls += 1
                    keys += len(iam.list_access_keys(UserName=row["user"])["AccessKeyMetadata"])
            continue
        for users in iam.get_paginator("list_users").paginate():
            calls += 1
            for user in users["Users"]:
                for page_keys in iam.get_paginator("list_access_keys").paginate(UserName=user["UserName"]):
                    calls += 1
                    keys += len(page_keys["AccessKeyMetadata"])
                    if mode == "export-last-used":
                        for key in page_keys["AccessKeyMetadata"]:
                            calls += 1
                            iam.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])
print(json.dumps({"accounts": accounts, "keys": keys, "calls": calls, "seconds": time.perf_counter() - t0}))
