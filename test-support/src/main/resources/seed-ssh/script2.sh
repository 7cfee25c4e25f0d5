#!/bin/sh
# Node c of the seed's example.json: gets d's ip_address in its environment (engine toscassh) and reports it back.
echo "configuring ${ip_address:?ip_address is not set}"
echo "my_ip=$ip_address"
