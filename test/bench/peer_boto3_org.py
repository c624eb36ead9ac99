"""Sequential boto3 loop over an organization, as a Prowler-style script does it: ListAccounts,
then per active account AssumeRole, ListUsers and ListAccessKeys per user. Talks only to the
endpoint URL given (the local organization emulator); credentials are the emulator's fake keys
from the environment. Prints one JSON line: accounts, keys, calls, seconds."""
import json
import sys
import time

import boto3

url, role = sys.argv[1], sys.argv[2]
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
        except Exception:  # denied accounts are skipped, as such scripts do
            continue
        accounts += 1
        iam = session.client("iam", endpoint_url=url, aws_access_key_id=creds["AccessKeyId"],
                             aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        for users in iam.get_paginator("list_users").paginate():
            calls += 1
            for user in users["Users"]:
                for page_keys in iam.get_paginator("list_access_keys").paginate(UserName=user["UserName"]):
                    calls += 1
                    keys += len(page_keys["AccessKeyMetadata"])
print(json.dumps({"accounts": accounts, "keys": keys, "calls": calls, "seconds": time.perf_counter() - t0}))
