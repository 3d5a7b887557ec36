#!/usr/bin/env node
// The published `wasmts` command: runs the built entry point.
import '../dist/main.js';
