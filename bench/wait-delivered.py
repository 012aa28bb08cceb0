#!/usr/bin/env python3
"""Waits until a mailbox holds N messages and prints the epoch milliseconds at which it was first seen to.
  wait-delivered.py imap PORT USER PASSWORD N TIMEOUT_S     (IMAP STATUS INBOX (MESSAGES) on 127.0.0.1)
  wait-delivered.py maildir DIR N TIMEOUT_S                 (files in DIR/new and DIR/cur)
Polls every 50 ms. On timeout prints the time and the count reached, and exits 1."""
import imaplib, os, re, sys, time

def main():
    mode = sys.argv[1]
    if mode == "imap":
        port, user, password, target, timeout = int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), float(sys.argv[6])
        imap = imaplib.IMAP4("127.0.0.1", port)
        imap.login(user, password)
        def count():
            status, data = imap.status("INBOX", "(MESSAGES)")
            return int(re.search(rb"MESSAGES (\d+)", data[0]).group(1))
    else:
        directory, target, timeout = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        def count():
            total = 0
            for sub in ("new", "cur"):
                try:
                    total += len(os.listdir(os.path.join(directory, sub)))
                except FileNotFoundError:
                    pass
            return total
    deadline = time.time() + timeout
    seen = count()
    while seen < target and time.time() < deadline:
        time.sleep(0.05)
        seen = count()
    print(int(time.time() * 1000), seen)
    sys.exit(0 if seen >= target else 1)

main()
