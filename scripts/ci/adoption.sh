#!/usr/bin/env bash
# Proves the README's adoption path. A copy of the committed tree has the demo archive deleted
# (incidents/*/* and reading-lists/*, as the README tells an adopter to do) and one post-mortem of its
# own added against the catalog it kept; then `npm run check`, `npm run build` and `npm test` must pass
# there. Nothing is downloaded: the copy uses this checkout's node_modules through a symbolic link.
#
#   scripts/ci/adoption.sh            exits non-zero when any of the three fails
#   KEEP=1 scripts/ci/adoption.sh     leaves the copy in place for a look afterwards
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -d "$repo/node_modules" ]; then
  echo "adoption: $repo/node_modules is missing; run npm ci first." >&2
  exit 2
fi

# The adopter's own build: no other archive, no pinned day.
unset HINDSIGHT_ARCHIVE HINDSIGHT_TODAY

copy="$(mktemp -d "${TMPDIR:-/tmp}/hindsight-adoption-XXXXXX")"
if [ "${KEEP:-}" = 1 ]; then
  trap 'echo "adoption: the copy is in $copy"' EXIT
else
  trap 'rm -rf "$copy"' EXIT
fi

# The committed tree only: work in progress in this checkout does not count.
git -C "$repo" archive --format=tar HEAD | tar -x -C "$copy"
ln -s "$repo/node_modules" "$copy/node_modules"
cd "$copy"

# What the README says to delete.
rm -rf incidents/*/* reading-lists/*

# The adopter's first post-mortem, written against the catalog it kept.
mkdir -p incidents/2026
cat > incidents/2026/2026-09-15-substitution-e-mails-arrived-after-delivery.mdx <<'MDX'
---
title: Substitution e-mails arrived after the delivery for 1,940 orders
summary: >-
  A change to the notification queue's priorities put substitution e-mails behind the weekly newsletter.
  For two hours on a Tuesday morning customers learnt about substituted items only after the van had
  left, and 212 of them rejected the substitutes at the door.
status: published
visibility: internal
type: incident
severity: SEV3
services: [notifications, order-service]
teams: [platform, fulfilment]
authors: [adopter-sre]
tags: [notifications, queues, substitutions]

started: 2026-09-15T07:05:00+01:00
detected: 2026-09-15T08:20:00+01:00
mitigated: 2026-09-15T09:10:00+01:00
resolved: 2026-09-15T16:30:00+01:00

detection: customer-report
trigger: config-change

release:
  ref: notifications-config-2026-09-14
  pull_requests: 1
  lines_changed: 6

response:
  decision: config-revert
  rationale: >-
    The priority change was the only change to the queue that week, and reverting it took one
    deploy, so we reverted before measuring anything else.

slo_impact:
  - slo: notification-delivery
    bad_minutes: 118

customer_impact:
  users_affected: 1940
  description: >-
    1,940 customers received their substitution e-mail after their delivery had left the depot.

contributing_factors:
  - category: configuration
    description: >-
      Queue priorities are numbers in a shared file, and the newsletter's new priority was set
      above the transactional messages' without a check that transactional messages stay first.

action_items:
  - title: Reject a notification queue configuration that ranks marketing above transactional messages
    kind: prevent
    owner: platform
    priority: P2
    due: 2026-10-16
    status: done
    closed: 2026-10-02

timeline:
  - at: 2026-09-15T07:05:00+01:00
    kind: trigger
    text: The weekly newsletter starts sending ahead of substitution e-mails.
  - at: 2026-09-15T08:20:00+01:00
    kind: detect
    text: Drivers report customers asking why they were not told about substitutes.
  - at: 2026-09-15T09:10:00+01:00
    kind: mitigate
    text: Priority change reverted; substitution e-mails go out within a minute again.
---

## Impact

From 07:05 to 09:10 BST, substitution e-mails waited behind 310,000 newsletter messages. 1,940
customers heard about their substitutes only after the van had left, and 212 of them rejected the
substitutes at the door.

## Contributing factors

**Configuration.** Priorities are plain numbers in one file that every team edits, and nothing checks
that transactional messages stay ahead of marketing ones.

## Lessons

A shared queue needs a rule, not a convention, for what goes first. The configuration is now checked
before it is deployed.
MDX

status=0
run() {
  echo "adoption: npm $*"
  if ! npm "$@"; then
    echo "adoption: npm $* failed" >&2
    status=1
  fi
}
run run check
run run build
run test
if [ "$status" = 0 ]; then echo "adoption: check, build and tests all pass on an archive of one adopted post-mortem."; fi
exit "$status"
