#!/usr/bin/env python3
"""Waits until mailboxes hold N messages in all and prints the epoch milliseconds at which that was first seen, and
the count.
  wait-delivered.py imap PORT PASSWORD N TIMEOUT_S USER...   (IMAP STATUS INBOX (MESSAGES) on 127.0.0.1, per user)
  wait-delivered.py maildir N TIMEOUT_S DIR...               (files in DIR/new and DIR/cur)
Polls every 50 ms. On timeout prints the time and the count reached, and exits 1."""
import imaplib, os, re, sys, time


def main():
    mode = sys.argv[1]
    if mode == "imap":
        port, password, target, timeout = int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
        sessions = []
        for user in sys.argv[6:]:
            imap = imaplib.IMAP4("127.0.0.1", port)
            imap.login(user, password)
            sessions.append(imap)

        def count():
            total = 0
            for imap in sessions:
                status, data = imap.status("INBOX", "(MESSAGES)")
                total += int(re.search(rb"MESSAGES (\d+)", data[0]).group(1))
            return total
    else:
        target, timeout, directories = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]

        def count():
            total = 0
            for directory in directories:
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
