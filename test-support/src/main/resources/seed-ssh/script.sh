#!/bin/sh
# Node d of the seed's example.json: reports where it put the machine, one NAME=value line per output.
echo "network=private"
echo "ip_address=10.0.0.10"
