# Loads one function per file: Private helpers first, then the Public cmdlets
# that the manifest exports by name.
Set-StrictMode -Version Latest

$script:ModuleRoot = Split-Path -Parent $PSScriptRoot

foreach ($folder in 'Private', 'Public') {
    $path = Join-Path $PSScriptRoot $folder
    if (Test-Path $path) {
        foreach ($file in Get-ChildItem -Path $path -Filter *.ps1 -File) {
            . $file.FullName
        }
    }
}
