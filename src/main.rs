use std::process::ExitCode;

fn main() -> ExitCode {
    techbridge::cli::main()
}
