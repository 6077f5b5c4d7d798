# Loads one function per file: Private helpers first, then the Public cmdlets
# that the manifest exports by name; registers tab completion of task names.
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

# Task names for -Name come from the store's tasks/*.json file names: no orc-exec call, so
# completion stays instant and works even when orc-exec is missing.
$completer = {
    param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
    $null = $commandName, $parameterName, $commandAst, $fakeBoundParameters
    $tasks = Join-Path (Get-OrcStoreHome) 'tasks'
    Get-ChildItem -Path $tasks -Filter '*.json' -File -ErrorAction SilentlyContinue |
        ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_.Name) } |
        Where-Object { $_ -like "$wordToComplete*" } |
        Sort-Object |
        ForEach-Object { New-Object -TypeName System.Management.Automation.CompletionResult -ArgumentList $_, $_, 'ParameterValue', $_ }
}
$orcCommands = @(Get-ChildItem -Path (Join-Path $PSScriptRoot 'Public') -Filter '*-Orc*.ps1' -File -ErrorAction SilentlyContinue |
        ForEach-Object { $_.BaseName })
if ($orcCommands.Count -gt 0) {
    Register-ArgumentCompleter -CommandName $orcCommands -ParameterName 'Name' -ScriptBlock $completer
}
