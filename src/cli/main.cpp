// nft-tracer-cli entry point.
int main() { return 0; }
