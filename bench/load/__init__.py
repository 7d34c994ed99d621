"""The daily-peak load test (Locust): `bench/load/README` in bench/README.md."""
