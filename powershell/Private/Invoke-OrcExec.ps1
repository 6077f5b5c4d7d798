function Invoke-OrcExec {
    <#
    .SYNOPSIS
        Runs orc-exec once and returns its exit code, its NDJSON records and its stderr together.
    .DESCRIPTION
        The one place the module starts orc-exec (posh-git's Invoke-Utf8ConsoleCommand pattern):
        - [Console]::OutputEncoding and $OutputEncoding are UTF-8 for the call and restored in finally;
        - $ErrorActionPreference is 'Continue' locally, so stderr lines never throw on 5.1;
        - $global:LASTEXITCODE is saved and restored, so callers see no side effect;
        - every stdout line is converted with ConvertFrom-Json one line at a time (no 5.1 array
          unrolling surprises); lines that are not JSON are kept in Output.
        --output json and --home <store> are added unless -Raw / -NoHome say otherwise.
    .PARAMETER ArgumentList
        The orc-exec arguments, e.g. 'list' or 'history', 'db-export', '--last', '5'.
    .PARAMETER InputObject
        Text written to orc-exec's stdin (a JSON definition for 'define --file -').
    .PARAMETER StoreHome
        The store passed as --home; default Get-OrcStoreHome.
    .PARAMETER Raw
        Do not add --output json and do not parse stdout (for 'render', which prints XML).
    .OUTPUTS
        [pscustomobject] with ExitCode, Records, Output, StdErr and CommandLine.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, Position = 0)]
        [string[]] $ArgumentList,

        [string] $InputObject,

        [string] $StoreHome,

        [switch] $Raw
    )

    $exe = Get-OrcExecutablePath
    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    $arguments = @($ArgumentList) + @('--home', $StoreHome)
    if (-not $Raw) { $arguments += @('--output', 'json') }

    $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $savedConsoleEncoding = $null
    try { $savedConsoleEncoding = [Console]::OutputEncoding } catch { $savedConsoleEncoding = $null }
    # Copy the value now: the PSVariable object would show the new exit code later.
    $savedExitCode = $null
    if (Test-Path -LiteralPath 'variable:global:LASTEXITCODE') { $savedExitCode = @($global:LASTEXITCODE) }
    $ErrorActionPreference = 'Continue'
    $PSNativeCommandUseErrorActionPreference = $false
    $OutputEncoding = $utf8
    $stdout = New-Object -TypeName System.Collections.Generic.List[string]
    $stderr = New-Object -TypeName System.Collections.Generic.List[string]
    $exitCode = $null
    try {
        if ($null -ne $savedConsoleEncoding) {
            try { [Console]::OutputEncoding = $utf8 } catch { Write-Debug "Cannot set the console encoding: $_" }
        }
        if ($PSBoundParameters.ContainsKey('InputObject')) {
            $all = $InputObject | & $exe @arguments 2>&1
        }
        else {
            $all = & $exe @arguments 2>&1
        }
        $exitCode = $LASTEXITCODE
        foreach ($item in @($all)) {
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                $stderr.Add([string]$item.Exception.Message)
            }
            elseif ($null -ne $item) {
                $stdout.Add([string]$item)
            }
        }
    }
    finally {
        if ($null -ne $savedConsoleEncoding) {
            try { [Console]::OutputEncoding = $savedConsoleEncoding } catch { Write-Debug "Cannot restore the console encoding: $_" }
        }
        if ($null -ne $savedExitCode) { $global:LASTEXITCODE = $savedExitCode[0] } else { Remove-Variable -Name LASTEXITCODE -Scope Global -ErrorAction Ignore -WhatIf:$false -Confirm:$false }
    }

    $records = New-Object -TypeName System.Collections.Generic.List[object]
    $other = New-Object -TypeName System.Collections.Generic.List[string]
    foreach ($line in $stdout) {
        if ($Raw) {
            $other.Add($line)
            continue
        }
        $trimmed = $line.Trim()
        if ($trimmed.Length -eq 0) { continue }
        if ($trimmed.StartsWith('{')) {
            try {
                $records.Add((ConvertFrom-Json -InputObject $trimmed))
                continue
            }
            catch {
                Write-Debug "orc-exec printed a line that is not JSON: $trimmed"
            }
        }
        $other.Add($line)
    }
    Write-Debug ("orc-exec {0} -> exit {1}" -f ($arguments -join ' '), $exitCode)

    [pscustomobject]@{
        PSTypeName  = 'Orchestrator.ExecResult'
        ExitCode    = [int]$exitCode
        Records     = $records.ToArray()
        Output      = $other.ToArray()
        StdErr      = ($stderr.ToArray() -join [System.Environment]::NewLine)
        CommandLine = "orc-exec $($arguments -join ' ')"
    }
}
