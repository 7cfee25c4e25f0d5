#!/bin/sh
# Receives ip_address=<value> (resolved from get_attribute d:ip_address) and reports it back as my_ip.
for arg in "$@"; do
  case "$arg" in
    ip_address=*) ip="${arg#ip_address=}" ;;
  esac
done
if [ -z "$ip" ]; then
  echo "no ip_address argument" >&2
  exit 2
fi
echo "configuring $ip"
echo "my_ip=$ip"
