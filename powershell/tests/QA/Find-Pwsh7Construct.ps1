# Test helper (dot-source it): finds what Windows PowerShell 5.1 cannot run in a script that
# PowerShell 7 parses. 5.1 itself is not on this machine, so the check is static: token kinds
# for 7-only operators, AST shapes for 7-only syntax, and tables of 7-only commands,
# parameters, encodings, variables, types and members.
#
# Accepted uses (see docs/development.md, "Windows PowerShell 5.1 check"):
# - behind a guard the checker recognises: the use sits in an if/elseif/else whose condition
#   tests $PSVersionTable (PSEdition/PSVersion) or probes the parameter
#   ((Get-Command X).Parameters.ContainsKey('P')), or on the right of -and/-or after such a test,
#   or after an earlier `if (<such a test>) { return/throw/exit }` in the same block;
# - or with `# 5.1-fallback: <reason>` on the line; a marker without a reason is itself reported.
# `$null -eq $IsWindows` is no guard: under Set-StrictMode -Version Latest reading the unset
# variable throws on 5.1.

function Find-Pwsh7Construct {
    <#
    .SYNOPSIS
        Lists the PowerShell 7-only constructs in a script, as file:line and construct name.
    .EXAMPLE
        Find-Pwsh7Construct -Path ./scripts/windows-smoke.ps1
    .EXAMPLE
        Find-Pwsh7Construct -Text '$a ?? 1' | ForEach-Object ToString
    #>
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Path', Position = 0)] [string] $Path,
        [Parameter(Mandatory, ParameterSetName = 'Text')] [string] $Text,
        # The code runs under Set-StrictMode (module functions do: Orchestrator.psm1 sets it);
        # a file that calls Set-StrictMode -Version itself is treated so without this switch.
        [switch] $StrictMode
    )
    $tokens = $null
    $errors = $null
    if ($PSCmdlet.ParameterSetName -eq 'Path') {
        $file = (Resolve-Path -LiteralPath $Path).Path
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$errors)
    }
    else {
        $file = '<text>'
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
    }
    $lines = @($ast.Extent.Text -split '\r?\n')
    $strict = $StrictMode.IsPresent -or ($ast.Extent.Text -match '(?im)^\s*Set-StrictMode\s+-Version')
    $found = New-Object System.Collections.Generic.List[object]
    $report = {
        # $Node is $null for syntax 5.1 cannot parse or misreads: neither a guard nor a
        # suppression comment makes such a file run there.
        param([int] $Line, [string] $Construct, $Node)
        $source = ''
        if ($Line -ge 1 -and $Line -le $lines.Count) { $source = $lines[$Line - 1] }
        if ($null -ne $Node -and $source -match '#\s*5\.1-fallback\s*:\s*\S') { return }
        if ($null -ne $Node -and (Test-Pwsh51Guard -Node $Node)) { return }
        $found.Add([pscustomobject]@{
                PSTypeName = 'OrcTest.Pwsh7Construct'
                File       = $file
                Line       = $Line
                Construct  = $Construct
                Text       = $source.Trim()
            })
    }

    foreach ($e in @($errors)) {
        if ($null -ne $e) { & $report $e.Extent.StartLineNumber ("parse error: {0}" -f $e.Message) $null }
    }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '#\s*5\.1-fallback' -and $lines[$i] -notmatch '#\s*5\.1-fallback\s*:\s*\S') {
            $found.Add([pscustomobject]@{
                    PSTypeName = 'OrcTest.Pwsh7Construct'; File = $file; Line = $i + 1
                    Construct = '5.1-fallback marker without a reason (write "# 5.1-fallback: <why it is safe>")'
                    Text = $lines[$i].Trim()
                })
        }
    }

    # Operators by token kind: 7's tokenizer names them, 5.1's cannot parse them.
    $tokenConstructs = @{
        'QuestionMark'           = 'ternary operator (a ? b : c)'
        'QuestionQuestion'       = 'null-coalescing operator (??)'
        'QuestionQuestionEquals' = 'null-coalescing assignment (??=)'
        'QuestionDot'            = 'null-conditional member access (?.)'
        'QuestionLBracket'       = 'null-conditional index (?[])'
        'AndAnd'                 = 'pipeline chain operator (&&)'
        'OrOr'                   = 'pipeline chain operator (||)'
    }
    foreach ($token in @($tokens)) {
        $kind = [string]$token.Kind
        if ($tokenConstructs.ContainsKey($kind)) {
            & $report $token.Extent.StartLineNumber $tokenConstructs[$kind] $null
        }
        elseif ($kind -eq 'Number') {
            $n = $token.Text -replace '(?i)(kb|mb|gb|tb|pb)$', ''
            if ($n -match '^(?i)0b[01]') { & $report $token.Extent.StartLineNumber 'binary literal (0b...)' $null }
            elseif ($n -match '^(?i)(?:0x[0-9a-f]+|[0-9.]+(?:e[+-]?[0-9]+)?)(y|uy|s|us|u|ul|n)$') {
                & $report $token.Extent.StartLineNumber ("numeric literal suffix '{0}'" -f $Matches[1]) $null
            }
        }
        elseif ($kind -eq 'StringExpandable' -and $token.Text -match '`u\{') {
            & $report $token.Extent.StartLineNumber 'Unicode escape (`u{...})' $null
        }
    }

    $sevenOnlyVariables = @{
        'PSStyle'                                = '$PSStyle (7.2+)'
        'EnabledExperimentalFeatures'            = '$EnabledExperimentalFeatures (7+)'
        'PSNativeCommandArgumentPassing'         = '$PSNativeCommandArgumentPassing (7.3+)'
        'PSNativeCommandUseErrorActionPreference' = '$PSNativeCommandUseErrorActionPreference (7.3+)'
    }
    $platformVariables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR')
    $encodings = @('utf8NoBOM', 'utf8BOM', 'ansi')

    foreach ($node in $ast.FindAll({ $true }, $true)) {
        $line = $node.Extent.StartLineNumber
        $type = $node.GetType().Name
        switch ($type) {
            'ScriptBlockAst' {
                if ($node.PSObject.Properties['CleanBlock'] -and $null -ne $node.CleanBlock) {
                    & $report $node.CleanBlock.Extent.StartLineNumber 'clean {} block (7.3+)' $null
                }
            }
            'PipelineAst' {
                if ($node.PSObject.Properties['Background'] -and $node.Background) {
                    & $report $line 'background operator (trailing &)' $null
                }
            }
            'BinaryExpressionAst' {
                if ("$($node.Operator)" -match '^[IC]?replace$' -and $node.Right -is [System.Management.Automation.Language.ArrayLiteralAst] -and
                    @($node.Right.Elements | Where-Object { $_ -is [System.Management.Automation.Language.ScriptBlockExpressionAst] }).Count -gt 0) {
                    & $report $line '-replace with a script block substitution (6.1+; 5.1 substitutes the block''s text)' $node
                }
            }
            'VariableExpressionAst' {
                $name = $node.VariablePath.UserPath
                $assigned = $node.Parent -is [System.Management.Automation.Language.AssignmentStatementAst] -and $node.Parent.Left -eq $node
                # Setting a 7.3 preference variable on 5.1 only makes an unused variable.
                if ($sevenOnlyVariables.ContainsKey($name) -and -not ($assigned -and $name -like 'PSNative*')) { & $report $line $sevenOnlyVariables[$name] $node }
                elseif ($platformVariables -contains $name -and -not $node.VariablePath.IsGlobal -and -not (Test-Pwsh51PlatformCheck -Node $node -Strict:$strict)) {
                    & $report $line ("`${0} without a 5.1-safe guard (unset on 5.1, and reading it throws under strict mode)" -f $name) $node
                }
            }
            'AttributeAst' {
                $attribute = $node.TypeName.FullName -replace '(?i)attribute$', ''
                if ($attribute -in 'ValidateNotNullOrWhiteSpace', 'ArgumentCompletions', 'Experimental') {
                    & $report $line ('[{0}] attribute (7+)' -f $attribute) $null
                }
            }
            'TypeExpressionAst' { foreach ($c in @(Get-Pwsh7Type $node.TypeName.FullName $ast)) { & $report $line $c $node } }
            'TypeConstraintAst' { foreach ($c in @(Get-Pwsh7Type $node.TypeName.FullName $ast)) { & $report $line $c $node } }
            'InvokeMemberExpressionAst' {
                if ($node.Static -and $node.Expression -is [System.Management.Automation.Language.TypeExpressionAst]) {
                    $arguments = @($node.Arguments).Count
                    foreach ($c in @(Get-Pwsh7Member $node.Expression.TypeName.FullName $node.Member.Extent.Text $arguments $ast)) { & $report $line $c $node }
                }
            }
            'MemberExpressionAst' {
                if ($node.Static -and $node.Expression -is [System.Management.Automation.Language.TypeExpressionAst]) {
                    foreach ($c in @(Get-Pwsh7Member $node.Expression.TypeName.FullName $node.Member.Extent.Text -1 $ast)) { & $report $line $c $node }
                }
            }
            'CommandAst' {
                foreach ($c in @(Get-Pwsh7CommandUse $node $encodings $ast)) { & $report $line $c $node }
            }
        }
    }
    $found | Sort-Object Line, Construct -Unique | ForEach-Object {
        $_ | Add-Member -MemberType ScriptMethod -Name ToString -Value { '{0}:{1}: {2}: {3}' -f $this.File, $this.Line, $this.Construct, $this.Text } -Force -PassThru
    }
}

# Commands that 5.1 does not have at all.
$script:Pwsh7Commands = @(
    'Test-Json', 'Get-Error', 'Join-String', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-MarkdownOption',
    'Set-MarkdownOption', 'Remove-Alias', 'Remove-Service', 'Get-Uptime', 'Get-PSSubsystem',
    'Get-ExperimentalFeature', 'Enable-ExperimentalFeature', 'Disable-ExperimentalFeature',
    'ConvertTo-CliXml', 'ConvertFrom-CliXml', 'Start-ThreadJob'
)
# Parameters added in PowerShell 6/7 to commands 5.1 has.
$script:Pwsh7Parameters = @{
    'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
    'ConvertTo-Json'   = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
    'Get-Content'      = @('AsByteStream')
    'Set-Content'      = @('AsByteStream')
    'Add-Content'      = @('AsByteStream')
    'Join-Path'        = @('AdditionalChildPath')
    'ForEach-Object'   = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
    'Invoke-RestMethod' = @('SkipCertificateCheck', 'SkipHeaderValidation', 'SkipHttpErrorCheck', 'StatusCodeVariable',
        'ResponseHeadersVariable', 'Authentication', 'Token', 'AllowUnencryptedAuthentication', 'SslProtocol',
        'MaximumRetryCount', 'RetryIntervalSec', 'Form', 'Resume', 'PreserveAuthorizationOnRedirect', 'NoProxy',
        'FollowRelLink', 'MaximumFollowRelLink', 'HttpVersion', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds',
        'CustomMethod', 'UnixSocket', 'AllowInsecureRedirect', 'PreserveHttpMethodOnRedirect')
    'Start-Process'    = @('Environment')
    'Start-Job'        = @('WorkingDirectory')
    'Get-ChildItem'    = @('FollowSymlink')
    'Select-String'    = @('Raw', 'NoEmphasis', 'Culture')
    'Export-Csv'       = @('UseQuotes', 'QuoteFields', 'NoHeader')
    'ConvertTo-Csv'    = @('UseQuotes', 'QuoteFields', 'NoHeader')
    'Get-Date'         = @('AsUTC', 'UnixTimeSeconds')
    'Sort-Object'      = @('Top', 'Bottom', 'Stable')
    'Select-Object'    = @('SkipIndex')
    'Split-Path'       = @('LeafBase', 'Extension')
    'Format-Hex'       = @('Count', 'Offset')
    'Get-Random'       = @('Shuffle')
    'Import-Module'    = @('UseWindowsPowerShell', 'SkipEditionCheck')
    'Get-Command'      = @('UseFuzzyMatching', 'FuzzyMinimumDistance', 'UseAbbreviationExpansion')
    'Resolve-Path'     = @('RelativeBasePath')
    'Import-PowerShellDataFile' = @('SkipLimitCheck')
    'Tee-Object'       = @('Encoding')
    'Out-String'       = @('NoNewline')
    'Test-Connection'  = @('TargetName', 'Ping', 'TcpPort', 'MtuSize', 'Traceroute', 'Repeat', 'Detailed', 'IPv4', 'IPv6', 'ResolveDestination')
}
$script:Pwsh51KnownCommands = @{}
# Invoke-WebRequest has the same additions except the ones that only make sense for a parsed body.
$script:Pwsh7Parameters['Invoke-WebRequest'] = @($script:Pwsh7Parameters['Invoke-RestMethod'] |
        Where-Object { $_ -notin 'StatusCodeVariable', 'ResponseHeadersVariable', 'FollowRelLink', 'MaximumFollowRelLink' })
$script:Pwsh51Aliases = @{
    '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; 'gc' = 'Get-Content'; 'cat' = 'Get-Content'; 'type' = 'Get-Content'
    'ac' = 'Add-Content'; 'sc' = 'Set-Content'; 'gci' = 'Get-ChildItem'; 'ls' = 'Get-ChildItem'; 'dir' = 'Get-ChildItem'
    'sls' = 'Select-String'; 'sort' = 'Sort-Object'; 'select' = 'Select-Object'; 'ipmo' = 'Import-Module'; 'gcm' = 'Get-Command'
    'rvpa' = 'Resolve-Path'; 'tee' = 'Tee-Object'; 'iwr' = 'Invoke-WebRequest'; 'irm' = 'Invoke-RestMethod'; 'start' = 'Start-Process'
    'saps' = 'Start-Process'; 'sajb' = 'Start-Job'; 'fhx' = 'Format-Hex'; 'epcsv' = 'Export-Csv'
}

# Types .NET Framework 4.x lacks (key: lower-case name without 'System.'; value: what to say).
$script:Pwsh7Types = @{
    'text.json'                       = 'System.Text.Json (not in .NET Framework; use ConvertFrom-Json)'
    'index'                           = '[System.Index] (.NET Core 3+)'
    'range'                           = '[System.Range] (.NET Core 3+)'
    'hashcode'                        = '[System.HashCode] (.NET Core 2.1+)'
    'text.rune'                       = '[System.Text.Rune] (.NET Core 3+)'
    'dateonly'                        = '[System.DateOnly] (.NET 6+)'
    'timeonly'                        = '[System.TimeOnly] (.NET 6+)'
    'half'                            = '[System.Half] (.NET 5+)'
    'operatingsystem'                 = '[System.OperatingSystem]::Is* (.NET 5+)'
    'collections.generic.priorityqueue' = '[PriorityQueue] (.NET 6+)'
    'io.enumeration'                  = 'System.IO.Enumeration (.NET Core 2.1+)'
    'io.unixfilemode'                 = '[System.IO.UnixFileMode] (.NET 7+)'
    'net.http'                        = 'System.Net.Http without Add-Type -AssemblyName System.Net.Http (not loaded on 5.1)'
}
# Static members .NET Framework 4.x lacks; a number after '/' means only with that many arguments.
$script:Pwsh7Members = @{
    'io.path'     = @('GetRelativePath', 'Join', 'TrimEndingDirectorySeparator', 'EndsInDirectorySeparator', 'IsPathFullyQualified', 'Exists', 'GetFullPath/2')
    'convert'     = @('ToHexString', 'FromHexString', 'ToHexStringLower')
    'io.file'     = @('ReadAllTextAsync', 'WriteAllTextAsync', 'ReadAllLinesAsync', 'WriteAllLinesAsync', 'AppendAllTextAsync',
        'ReadAllBytesAsync', 'WriteAllBytesAsync', 'CreateSymbolicLink', 'ResolveLinkTarget', 'Move/3',
        'GetUnixFileMode', 'SetUnixFileMode')
    'io.directory' = @('CreateSymbolicLink', 'CreateTempSubdirectory', 'ResolveLinkTarget', 'CreateDirectory/2')
    'environment' = @('ProcessId', 'ProcessPath')
    'math'        = @('Clamp')
    'text.encoding' = @('Latin1')
    'security.cryptography.randomnumbergenerator' = @('GetBytes', 'GetInt32', 'Fill', 'GetHexString')
    'security.cryptography.sha256' = @('HashData')
    'security.cryptography.sha1'   = @('HashData')
    'security.cryptography.sha512' = @('HashData')
    'security.cryptography.md5'    = @('HashData')
    'string'      = @('Create')
}

function Get-Pwsh51TypeCandidate([string] $Name, $Ast) {
    # The names a type literal may stand for: itself and under each `using namespace`.
    $names = @($Name)
    foreach ($using in @($Ast.UsingStatements)) {
        if ("$($using.UsingStatementKind)" -eq 'Namespace') { $names += ('{0}.{1}' -f $using.Name.Value, $Name) }
    }
    $names | ForEach-Object { ($_.ToLowerInvariant() -replace '^system\.', '') -replace '\[.*$', '' }
}

function Get-Pwsh7Type([string] $Name, $Ast) {
    foreach ($candidate in @(Get-Pwsh51TypeCandidate $Name $Ast)) {
        foreach ($key in $script:Pwsh7Types.Keys) {
            if ($candidate -eq $key -or $candidate.StartsWith("$key.")) {
                if ($key -eq 'net.http' -and $Ast.Extent.Text -match '(?i)Add-Type\s+-AssemblyName\s+[''"]?System\.Net\.Http') { continue }
                $script:Pwsh7Types[$key]
                return
            }
        }
    }
}

function Get-Pwsh7Member([string] $TypeName, [string] $Member, [int] $Arguments, $Ast) {
    foreach ($candidate in @(Get-Pwsh51TypeCandidate $TypeName $Ast)) {
        if (-not $script:Pwsh7Members.ContainsKey($candidate)) { continue }
        foreach ($entry in $script:Pwsh7Members[$candidate]) {
            $parts = $entry -split '/'
            if ($parts[0] -ne $Member) { continue }
            if ($parts.Count -gt 1 -and [int]$parts[1] -ne $Arguments) { continue }
            if ($parts.Count -gt 1) { '[{0}]::{1} with {2} arguments (.NET Core only)' -f $TypeName, $Member, $Arguments }
            else { '[{0}]::{1} (not in .NET Framework 4.x)' -f $TypeName, $Member }
            return
        }
    }
}

function Get-Pwsh7CommandUse($Command, [string[]] $Encodings, $Ast) {
    $name = $Command.GetCommandName()
    if (-not $name) { return }
    if ($script:Pwsh51Aliases.ContainsKey($name)) { $name = $script:Pwsh51Aliases[$name] }
    if ($script:Pwsh7Commands -contains $name) { '{0} (command not in 5.1)' -f $name }
    $elements = @($Command.CommandElements)
    $positional = 0
    for ($i = 1; $i -lt $elements.Count; $i++) {
        $element = $elements[$i]
        if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
            $parameter = $element.ParameterName
            # A full 5.1 name (-Leaf) is not an abbreviation of a 7-only one (-LeafBase).
            $exact = $false
            if (-not $script:Pwsh51KnownCommands.ContainsKey($name)) {
                $script:Pwsh51KnownCommands[$name] = Get-Command -Name $name -CommandType Cmdlet -ErrorAction SilentlyContinue | Select-Object -First 1
            }
            $known = $script:Pwsh51KnownCommands[$name]
            if ($known -and $known.Parameters.ContainsKey($parameter) -and $script:Pwsh7Parameters[$name] -notcontains $parameter) { $exact = $true }
            if ($script:Pwsh7Parameters.ContainsKey($name) -and -not $exact) {
                foreach ($banned in $script:Pwsh7Parameters[$name]) {
                    if ($parameter.Length -ge 2 -and $banned -like "$parameter*") { '{0} -{1} (7-only parameter)' -f $name, $banned; break }
                }
            }
            if ('Encoding' -like "$parameter*" -and $parameter.Length -ge 3) {
                $value = $null
                if ($null -ne $element.Argument) { $value = $element.Argument.Extent.Text }
                elseif ($i + 1 -lt $elements.Count) { $value = $elements[$i + 1].Extent.Text }
                if ($null -ne $value -and $value.Trim("'", '"') -in $Encodings) { '{0} -Encoding {1} (7-only encoding name)' -f $name, $value.Trim("'", '"') }
            }
            # A parameter without an inline argument takes the next element, unless it is a switch.
            if ($null -eq $element.Argument -and $parameter -notin 'Resolve', 'Verbose', 'Debug', 'Force', 'WhatIf', 'Confirm' -and
                $i + 1 -lt $elements.Count -and $elements[$i + 1] -isnot [System.Management.Automation.Language.CommandParameterAst]) { $i++ }
        }
        else { $positional++ }
    }
    if ($name -eq 'Join-Path' -and $positional -gt 2) { 'Join-Path with {0} positional paths (5.1 takes Path and one ChildPath)' -f $positional }
}

function Test-Pwsh51Guard($Node) {
    # True when a recognised edition/version/parameter test decides, before $Node runs,
    # whether $Node runs at all.
    # Test-OrcWindows is the module's own edition-first test (Private/Test-OrcWindows.ps1).
    $guard = '(?i)\$PSVersionTable\.PS(Edition|Version)|\.Parameters\.ContainsKey\(|Test-Path\s+[''"]?variable:|Get-Variable\s|Test-OrcWindows'
    $child = $Node
    $parent = $Node.Parent
    while ($null -ne $parent) {
        if ($parent -is [System.Management.Automation.Language.IfStatementAst]) {
            foreach ($clause in $parent.Clauses) {
                if ($clause.Item1.Extent.Text -match $guard -and $clause.Item1 -ne $child) { return $true }
            }
        }
        elseif ($parent -is [System.Management.Automation.Language.BinaryExpressionAst] -and "$($parent.Operator)" -in 'And', 'Or' -and
            $parent.Right -eq $child -and $parent.Left.Extent.Text -match $guard) { return $true }
        elseif ($parent -is [System.Management.Automation.Language.NamedBlockAst] -or $parent -is [System.Management.Automation.Language.StatementBlockAst]) {
            foreach ($statement in $parent.Statements) {
                if ($statement -eq $child) { break }
                if ($statement -is [System.Management.Automation.Language.IfStatementAst] -and
                    $statement.Clauses[0].Item1.Extent.Text -match $guard -and
                    $null -ne $statement.Clauses[0].Item2.Find({
                            param($n)
                            $n -is [System.Management.Automation.Language.ReturnStatementAst] -or $n -is [System.Management.Automation.Language.ThrowStatementAst] -or $n -is [System.Management.Automation.Language.ExitStatementAst]
                        }, $false)) {
                    return $true
                }
            }
        }
        $child = $parent
        $parent = $parent.Parent
    }
    return $false
}

function Test-Pwsh51PlatformCheck($Node, [switch] $Strict) {
    # $IsWindows and friends are unset on 5.1. Without strict mode they read as $null, which is
    # safe when the same condition also tests the edition or the variable's $null-ness; under
    # strict mode the read itself throws, so only a guard evaluated first (Test-Pwsh51Guard) helps.
    if ($Strict) { return $false }
    $condition = $Node.Parent
    while ($null -ne $condition -and $condition -isnot [System.Management.Automation.Language.PipelineAst]) { $condition = $condition.Parent }
    if ($null -eq $condition) { return $false }
    $condition.Extent.Text -match '(?i)\$PSVersionTable\.PS(Edition|Version)|\$null\s+-eq\s+\$Is\w+|\$Is\w+\s+-eq\s+\$null'
}
