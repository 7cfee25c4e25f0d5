#!/bin/sh
# Node a of the seed's example.json: takes a moment, produces nothing.
sleep 0.2
