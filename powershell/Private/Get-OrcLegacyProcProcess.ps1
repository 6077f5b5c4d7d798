function Get-OrcLegacyProcProcess {
    <#
    .SYNOPSIS
        Reads one process from /proc as an Orchestrator.LegacyProcess record, or $null when it is gone.
    .DESCRIPTION
        argv and the environment are NUL-separated, so they are kept as lists, never re-split
        from a joined string: the restart passes exactly these arguments. A zombie counts as gone
        (PID 1 in a container does not always reap). StartTime is /proc/<pid>/stat's start time in
        clock ticks, so a PID reused by another program is never mistaken for the poller.
        stdout and stderr are kept when they are files, so the restart appends to the same logs.
    .PARAMETER ProcessId
        The process ID.
    .OUTPUTS
        Orchestrator.LegacyProcess, or nothing.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [int] $ProcessId
    )

    $dir = "/proc/$ProcessId"
    try {
        $stat = [System.IO.File]::ReadAllText("$dir/stat")
        $cmdline = [System.IO.File]::ReadAllBytes("$dir/cmdline")
    }
    catch {
        return
    }
    # The command name in stat may hold spaces and parentheses: fields start after the last ')'.
    $fields = $stat.Substring($stat.LastIndexOf(')') + 2).Split(' ')
    if ($fields[0] -eq 'Z' -or $fields[0] -eq 'X' -or $cmdline.Length -eq 0) { return }
    $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $argv = @($utf8.GetString($cmdline).TrimEnd([char]0).Split([char]0))
    $environment = $null
    $exe = $null
    $cwd = $null
    $out = $null
    $err = $null
    try { $environment = @($utf8.GetString([System.IO.File]::ReadAllBytes("$dir/environ")).TrimEnd([char]0).Split([char]0) | Where-Object { $_ }) } catch { Write-Verbose "No environment for $ProcessId`: $($_.Exception.Message)" }
    try { $exe = (Get-Item -LiteralPath "$dir/exe" -Force -ErrorAction Stop).Target } catch { Write-Verbose "No executable for $ProcessId`: $($_.Exception.Message)" }
    try { $cwd = (Get-Item -LiteralPath "$dir/cwd" -Force -ErrorAction Stop).Target } catch { Write-Verbose "No working directory for $ProcessId`: $($_.Exception.Message)" }
    foreach ($fd in 1, 2) {
        try {
            $target = [string](Get-Item -LiteralPath "$dir/fd/$fd" -Force -ErrorAction Stop).Target
            if ($target.StartsWith('/') -and -not $target.EndsWith(' (deleted)') -and (Test-Path -LiteralPath $target -PathType Leaf)) {
                if ($fd -eq 1) { $out = $target } else { $err = $target }
            }
        }
        catch { Write-Verbose "No fd $fd for $ProcessId`: $($_.Exception.Message)" }
    }
    $uid = [regex]::Match([System.IO.File]::ReadAllText("$dir/status"), '(?m)^Uid:\s*(\d+)').Groups[1].Value
    $user = $uid
    foreach ($line in [System.IO.File]::ReadAllLines('/etc/passwd')) {
        $parts = $line.Split(':')
        if ($parts.Count -gt 2 -and $parts[2] -eq $uid) { $user = $parts[0]; break }
    }
    [pscustomobject]@{
        PSTypeName       = 'Orchestrator.LegacyProcess'
        ProcessId        = $ProcessId
        StartTime        = $fields[19]
        CommandLine      = ($argv -join ' ')
        Executable       = [string]$exe
        Argv             = $argv
        WorkingDirectory = [string]$cwd
        User             = $user
        Environment      = $environment
        StdOut           = $out
        StdErr           = $err
        Platform         = 'Unix'
    }
}
