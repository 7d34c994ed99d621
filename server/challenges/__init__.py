"""Objectives, results and sales challenges with live leaderboards."""
