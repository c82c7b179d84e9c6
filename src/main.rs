fn main() {
    std::process::exit(verbatim::main());
}
