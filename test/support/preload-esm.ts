// @nestjs/throttler is CommonJS and require()s the ESM-only @nestjs/common. Inside one
// ESM graph Jest sees that as a require cycle; evaluating Nest first, in a graph of its
// own, lets the later require() find it ready.
import '@nestjs/common';
import '@nestjs/core';
